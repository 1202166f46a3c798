import { expect, test } from "@playwright/test";
import { newApiVisitor, signInThroughApi, signUpThroughApi } from "./helpers/api-visitor";
import { uniqueEmail } from "./helpers/visitor";

// GET /api/itinerary with a session is answered before Next's router (lib/itinerary/itinerary-door.ts);
// with a query string only Next's route answers. Both must send the same status, body and headers
// (docs/decisions/025-itinerary-at-scale.md), for a live session and for an ended one.

// Per connection and per answer: not part of what the two must agree on.
const PER_ANSWER = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length"]);

function comparable(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_ANSWER.has(name.toLowerCase())));
}

test("the door and Next's route give the same answer and headers for the itinerary", async ({ baseURL }) => {
  const base = baseURL as string;
  const visitor = await newApiVisitor(uniqueEmail("door"));
  try {
    await signUpThroughApi(visitor, base);
    expect(await signInThroughApi(visitor, base)).toEqual(200);
    expect((await visitor.call(base, "PUT", "/api/itinerary/mahler-symphony-no-8", { note: "door" })).status()).toBeLessThan(300);

    const door = await visitor.call(base, "GET", "/api/itinerary");
    const route = await visitor.call(base, "GET", "/api/itinerary?via=next");
    expect(door.status()).toEqual(200);
    expect(route.status()).toEqual(200);
    expect(await door.text()).toEqual(await route.text());
    expect((await door.json()).items.map((item: { slug: string; note: string }) => [item.slug, item.note])).toEqual([["mahler-symphony-no-8", "door"]]);
    expect(comparable(door.headers())).toEqual(comparable(route.headers()));

    // A client that takes no compression (the door writes that answer without the middleware).
    const plain = { headers: { "accept-encoding": "identity" } };
    const doorPlain = await visitor.context.fetch(`${base}/api/itinerary`, plain);
    const routePlain = await visitor.context.fetch(`${base}/api/itinerary?via=next`, plain);
    expect([doorPlain.status(), await doorPlain.text(), comparable(doorPlain.headers())]).toEqual([200, await routePlain.text(), comparable(routePlain.headers())]);
    expect(doorPlain.headers()["content-encoding"]).toBeUndefined();
  } finally {
    await visitor.dispose();
  }
});

test("an ended session's cookie gets the same 401 from the door and from the route", async ({ baseURL }) => {
  const base = baseURL as string;
  const visitor = await newApiVisitor(uniqueEmail("door-ended"));
  try {
    await signUpThroughApi(visitor, base);
    expect(await signInThroughApi(visitor, base)).toEqual(200);
    const session = (await visitor.context.storageState()).cookies.find((cookie) => cookie.name.includes("next-auth.session-token"));
    expect(session).toBeDefined();
    const cookie = `${session!.name}=${session!.value}`;
    const csrf = ((await (await visitor.context.get(`${base}/api/auth/csrf`)).json()) as { csrfToken: string }).csrfToken;
    await visitor.context.post(`${base}/api/auth/signout`, { headers: { origin: base }, form: { csrfToken: csrf, json: "true" }, maxRedirects: 0 });

    // A copy of the cookie kept from before the sign-out.
    const door = await visitor.context.fetch(`${base}/api/itinerary`, { headers: { cookie } });
    const route = await visitor.context.fetch(`${base}/api/itinerary?via=next`, { headers: { cookie } });
    expect([door.status(), route.status()]).toEqual([401, 401]);
    expect(await door.text()).toEqual(await route.text());
    expect(comparable(door.headers())).toEqual(comparable(route.headers()));
  } finally {
    await visitor.dispose();
  }
});
