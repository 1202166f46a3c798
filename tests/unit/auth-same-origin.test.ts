import { rejectCrossOrigin } from "@/lib/auth/same-origin";

function put(headers: Record<string, string>): Request {
  return new Request("http://localhost:3000/api/itinerary/some-event", { method: "PUT", headers });
}

describe("rejectCrossOrigin", () => {
  test("a request without Origin (curl, same-origin GET) passes", () => {
    expect(rejectCrossOrigin(put({ host: "localhost:3000" }))).toEqual(null);
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
