import { GET as getEvents } from "@/app/api/events/route";
import { prisma } from "@/lib/db";

// /api/events keeps its serialised answer and ETag per programme version (lib/cache/cached-response.ts).
// The seeded programme is shared by the worker's tests, so a change here is undone afterwards.

const URL_OF_DAY = "http://expo.test/api/events?date=2017-08-26&q=mahler";

async function call(url: string, headers: Record<string, string> = {}) {
  const response = await getEvents(new Request(url, { headers }));
  return { status: response.status, etag: response.headers.get("etag"), cacheControl: response.headers.get("cache-control"), body: await response.text() };
}

describe("GET /api/events answered from its stored serialisation", () => {
  const slug = "mahler-symphony-no-8";
  let title = "";
  beforeAll(async () => {
    title = (await prisma.event.findUniqueOrThrow({ where: { slug }, select: { title: true } })).title;
  });
  afterAll(async () => {
    await prisma.event.update({ where: { slug }, data: { title } });
  });

  test("a repeated request gets the same bytes and strong ETag, and that ETag sent back gets a 304 without a body", async () => {
    const first = await call(URL_OF_DAY);
    const second = await call(URL_OF_DAY);
    const conditional = await call(URL_OF_DAY, { "If-None-Match": first.etag ?? "" });

    expect(first.status).toEqual(200);
    expect(first.etag).toMatch(/^"[\w-]{27}"$/);
    expect(second).toEqual(first);
    expect(conditional).toEqual({ status: 304, etag: first.etag, cacheControl: "public, max-age=60", body: "" });
  });

  test("a change to the programme gives a new body and ETag on the next request", async () => {
    const before = await call(URL_OF_DAY);
    await prisma.event.update({ where: { slug }, data: { title: `${title} (moved)` } });
    const after = await call(URL_OF_DAY);

    expect(after.etag).not.toEqual(before.etag);
    expect((JSON.parse(after.body) as { events: { title: string }[] }).events.map((event) => event.title)).toEqual([`${title} (moved)`]);
  });

  test("a bad parameter still answers 400 naming it, with no ETag", async () => {
    const bad = await call("http://expo.test/api/events?date=2017-13-40");

    expect(bad.status).toEqual(400);
    expect(bad.etag).toBeNull();
    expect(JSON.parse(bad.body)).toEqual(expect.objectContaining({ error: "Invalid query parameter: date" }));
  });
});
