import { allowedMethods, guardRequest, hasBrokenPercentEncoding, refusalFor } from "../../lib/security/request-guard";

// Next's own matcher for `source` patterns (the one it compiles next.config.js headers with).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Next's compiled copy has no types
const { pathToRegexp } = require("next/dist/compiled/path-to-regexp") as { pathToRegexp(source: string, keys: unknown[], options: object): RegExp };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const nextConfig = require("../../next.config.js") as { headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]> };

/** The headers next.config.js puts on a path, later rules winning, as Next applies them. */
async function configHeaders(path: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const rule of await nextConfig.headers()) {
    if (!pathToRegexp(rule.source, [], { strict: true, sensitive: false, delimiter: "/" }).test(path)) continue;
    for (const { key, value } of rule.headers) result[key] = value;
  }
  return result;
}

describe("header precedence: a route's stricter Referrer-Policy is not overwritten by the global one", () => {
  test.each(["/calendar/u/0123456789abcdef.ics", "/api/calendar-feed"])("%s keeps no-referrer", async (path) => {
    expect((await configHeaders(path))["Referrer-Policy"]).toEqual("no-referrer");
  });

  // Same-origin keeps the Origin on the pages' own form posts (server actions before hydration).
  test.each(["/itinerary", "/itinerary/anything", "/i/0123456789abcdef"])("%s sends no Referer to other sites", async (path) => {
    expect((await configHeaders(path))["Referrer-Policy"]).toEqual("same-origin");
  });

  test("other paths get the global policy, and every path gets Permissions-Policy, nosniff and DENY", async () => {
    const headers = await configHeaders("/schedule");
    expect({
      referrer: headers["Referrer-Policy"],
      nosniff: headers["X-Content-Type-Options"],
      frame: headers["X-Frame-Options"],
      camera: headers["Permissions-Policy"].includes("camera=()"),
    }).toEqual({ referrer: "strict-origin-when-cross-origin", nosniff: "nosniff", frame: "DENY", camera: true });
  });
});

describe("request guard (proxy.ts)", () => {
  test("broken percent-encoding anywhere in the path is 400; good encoding passes", async () => {
    expect([hasBrokenPercentEncoding("/api/events/%zz"), hasBrokenPercentEncoding("/e/%C3"), hasBrokenPercentEncoding("/events/caf%C3%A9")]).toEqual([true, true, false]);
    const response = guardRequest(new Request("http://localhost:3000/venues/%zz"))!;
    expect({ status: response.status, body: await response.json() }).toEqual({ status: 400, body: { error: "The address has broken percent-encoding." } });
  });

  test("the Node server's guard reads the raw target: broken encoding in the path is 400, anything else passes", () => {
    const statuses = ["/api/events/%zz", "/e/%C3?x=1", "/a/%zz/../b", "/events/caf%C3%A9", "/schedule?q=%zz", "/schedule?date=2017-08-14", "/a b/ü", "/", "*"].map(
      (target) => refusalFor("GET", target)?.status ?? null,
    );
    expect(statuses).toEqual([400, 400, null, null, null, null, null, null, null]);
  });

  test("TRACE is 405 with the route's methods in Allow", () => {
    // undici cannot even build a Request with TRACE: the Node server's guard sees the raw method.
    const refusal = refusalFor("TRACE", "/api/itinerary/some-event?x=1")!;
    expect({ status: refusal.status, allow: refusal.headers.Allow }).toEqual({ status: 405, allow: "PUT, DELETE, OPTIONS" });
    expect([allowedMethods("/schedule"), allowedMethods("/api/calendar-feed")]).toEqual(["GET, HEAD, OPTIONS", "GET, POST, DELETE, HEAD, OPTIONS"]);
  });
});
