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
