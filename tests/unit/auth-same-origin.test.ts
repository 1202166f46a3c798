import { rejectCrossOrigin } from "@/lib/auth/same-origin";

function put(headers: Record<string, string>): Request {
  return new Request("http://localhost:3000/api/itinerary/some-event", { method: "PUT", headers });
}

describe("rejectCrossOrigin", () => {
  test("a state change with neither Origin nor Referer is refused", async () => {
    const response = rejectCrossOrigin(put({ host: "localhost:3000" }))!;
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 403,
      body: { error: "Requests from another site are refused.", details: [{ parameter: "Origin", message: "is required (or a Referer from this site)" }] },
    });
  });

  test("without Origin, a Referer from this site passes and one from another site is refused", () => {
    expect(rejectCrossOrigin(put({ host: "localhost:3000", referer: "http://localhost:3000/itinerary?x=1" }))).toEqual(null);
    expect(rejectCrossOrigin(put({ host: "localhost:3000", referer: "https://evil.example/page" }))?.status).toEqual(403);
  });

  test("the scheme counts: https://localhost:3000 is not http://localhost:3000", () => {
    expect(rejectCrossOrigin(put({ host: "localhost:3000", origin: "https://localhost:3000" }))?.status).toEqual(403);
  });

  test("X-Forwarded-Host is not trusted to name this site", () => {
    expect(rejectCrossOrigin(put({ host: "localhost:3000", "x-forwarded-host": "evil.example", origin: "http://evil.example" }))?.status).toEqual(403);
  });

  test("a request whose Origin is the app's own host passes", () => {
    expect(rejectCrossOrigin(put({ host: "localhost:3000", origin: "http://localhost:3000" }))).toEqual(null);
  });

  test("a request from another site is refused with 403 JSON naming the origin", async () => {
    const response = rejectCrossOrigin(put({ host: "localhost:3000", origin: "https://evil.example" }))!;
    expect(response.status).toEqual(403);
    expect(await response.json()).toEqual({
      error: "Requests from another site are refused.",
      details: [{ parameter: "Origin", message: "https://evil.example is not this site" }],
    });
  });

  test('an opaque "null" Origin (sandboxed frame, file://) is refused', () => {
    expect(rejectCrossOrigin(put({ host: "localhost:3000", origin: "null" }))?.status).toEqual(403);
  });

  test("another port on the same host is another origin", () => {
    expect(rejectCrossOrigin(put({ host: "localhost:3000", origin: "http://localhost:4000" }))?.status).toEqual(403);
  });
});
