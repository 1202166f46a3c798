import { expect, test } from "@playwright/test";

// A search nobody asked before is filled in process by the page front door (lib/page-cache/direct-fill.ts,
// docs/decisions/024) once Next has answered /api/events once. Its answer must be the one Next
// gives: same bytes, same ETag, same security headers. If-Modified-Since makes a request pass the
// front door, so that request is answered by Next's route itself.

const FRAMING = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding", "vary"]);

function comparable(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !FRAMING.has(name)));
}

test("a new search's answer from the front door equals Next's own answer, headers included", async ({ request }) => {
  const stamp = Date.now();
  // The first miss for /api/events goes through Next (and teaches the front door its headers).
  expect((await request.get(`/api/events?q=concert+${stamp}a`)).status()).toEqual(200);

  const direct = await request.get(`/api/events?q=opera+${stamp}`, { headers: { "accept-encoding": "identity" } });
  const fromNext = await request.get(`/api/events?q=opera+${stamp}`, {
    headers: { "accept-encoding": "identity", "if-modified-since": "Mon, 01 Jan 2018 00:00:00 GMT" },
  });

  expect(direct.status()).toEqual(200);
  expect(fromNext.status()).toEqual(200);
  expect(await direct.text()).toEqual(await fromNext.text());
  expect(comparable(direct.headers())).toEqual(comparable(fromNext.headers()));
  expect(direct.headers()["x-content-type-options"]).toEqual("nosniff");
});

test("filtered and paged searches from the front door equal Next's answers, and their ETags give 304s", async ({ request }) => {
  const stamp = Date.now();
  expect((await request.get(`/api/events?q=concert+${stamp}a`)).status()).toEqual(200);
  const identity = { "accept-encoding": "identity" };
  const viaNext = { ...identity, "if-modified-since": "Mon, 01 Jan 2018 00:00:00 GMT" };

  for (const target of [`/api/events?q=opera&limit=2&s=${stamp}`, `/api/events?date=2017-08-14&q=concert&s=${stamp}`, `/api/events?q=%C3%A9t%C3%A9&s=${stamp}`]) {
    const direct = await request.get(target, { headers: identity });
    const fromNext = await request.get(target, { headers: viaNext });
    expect([target, direct.status(), await direct.text(), comparable(direct.headers())]).toEqual([target, 200, await fromNext.text(), comparable(fromNext.headers())]);
    const events = ((await direct.json()) as { events: unknown[] }).events;
    expect(events.length).toBeGreaterThan(0);

    const again = await request.get(target, { headers: { ...identity, "if-none-match": direct.headers().etag } });
    expect([again.status(), await again.text()]).toEqual([304, ""]);
  }
});
