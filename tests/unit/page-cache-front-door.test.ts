import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { FLIGHT_PATH } from "@/lib/page-cache/detached-flight";
import { FILL_HEADER, frontDoor, type FrontDoorOptions } from "@/lib/page-cache/front-door";
import { PageHtmlStore, UNCACHEABLE } from "@/lib/page-cache/page-html-store";

// The front door in front of a stand-in for Next that renders what a real page depends on: the
// session (a user's name, like the saved marks), the display-zone cookie, the programme version and
// a fresh nonce in every <script> and in the CSP, exactly as Next does for our pages.

let version = "v1";
let renders: string[] = [];
const store = new PageHtmlStore();
const secret = "test-secret";
let port = 0;

function renderLikeNext(request: http.IncomingMessage, response: http.ServerResponse): void {
  const url = request.url ?? "/";
  renders.push(url);
  const cookie = request.headers.cookie ?? "";
  const user = /next-auth\.session-token=(\w+)/.exec(cookie)?.[1] ?? "anonymous";
  const zone = /expo2017-zone=([\w/]+)/.exec(cookie)?.[1] ?? "Asia/Almaty";
  if (url.startsWith("/api/") || url.startsWith("/calendar/")) {
    response.writeHead(200, { "content-type": "application/json", etag: `"${version}"`, "cache-control": "public, max-age=60" });
    return void response.end(JSON.stringify({ url, host: request.headers.host, user: request.headers.cookie ?? null, version, padding: "x".repeat(2000) }));
  }
  if (url === "/events/unknown") return void response.writeHead(404, { "content-type": "text/html" }).end("<p>no such event</p>");
  if (url === "/venues/broken") return void response.writeHead(500, { "content-type": "text/html" }).end("<p>error</p>");
  const nonce = randomBytes(16).toString("base64");
  const headers: http.OutgoingHttpHeaders = {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy": `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "cache-control": "private, no-cache",
    vary: "rsc, Accept-Encoding",
  };
  if (url === "/national-days/sets-cookie") headers["set-cookie"] = "x=1";
  const rsc = request.headers.rsc ? "payload" : "document";
  response.writeHead(200, headers);
  // Pakistan Day carries an RSC payload as lib/page-cache/app-on-intent.ts leaves it (inert), the
  // nonce inside it as Next writes it.
  const flight = url === "/pakistan-day" ? `<script type="application/x-app-flight">self.__next_f.push([1,"${user} ${zone} ${version} nonce:${nonce} \\u003c/p>"])</script><script type="application/x-app-flight">self.__next_f.push([1,"second"])</script>` : "";
  response.end(`<html><script nonce="${nonce}">boot()</script><p>${rsc} ${url} user:${user} zone:${zone} version:${version}</p><script nonce="${nonce}">more()</script>${flight}${"<!-- padding -->".repeat(100)}</html>`);
}

const options: FrontDoorOptions = {
  store,
  version: async () => version,
  today: () => "2017-06-10",
  origin: () => `http://127.0.0.1:${port}`,
  secret,
  createNonce: () => randomBytes(16).toString("base64"),
};
const door = frontDoor(options);
const server = http.createServer((request, response) => door(request, response, renderLikeNext));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  version = "v1";
  renders = [];
  store.clear();
});

async function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  // node:http rather than fetch: fetch would not send a Host of our choosing, and decompresses.
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http.request(`http://127.0.0.1:${port}${path}`, { method, headers }, resolve).on("error", reject).end();
  });
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const body = (response.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw).toString();
  const policyNonce = /'nonce-([^']+)'/.exec(String(response.headers["content-security-policy"] ?? ""))?.[1];
  const bodyNonces = [...body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
  const text = /<p>(.*)<\/p>/.exec(body)?.[1];
  return { status: response.statusCode, body, text, policyNonce, bodyNonces, headers: response.headers };
}

describe("page front door", () => {
  it("renders a public page once and answers every anonymous visitor with a fresh nonce in the HTML and the CSP", async () => {
    const first = await get("/schedule?date=2017-08-14");
    const second = await get("/schedule?date=2017-08-14");

    expect(renders).toEqual(["/schedule?date=2017-08-14"]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.text).toEqual("document /schedule?date=2017-08-14 user:anonymous zone:Asia/Almaty version:v1");
    expect(second.bodyNonces).toEqual([second.policyNonce, second.policyNonce]);
    expect(first.bodyNonces).toEqual([first.policyNonce, first.policyNonce]);
    expect(second.policyNonce).toHaveLength(24);
    expect(second.policyNonce).not.toEqual(first.policyNonce);
    expect(second.headers["cache-control"]).toEqual("private, no-cache");
  });

  it("gives two signed-in users and an anonymous visitor of the same URL their own pages, and keeps no user's page", async () => {
    const anonymousBefore = await get("/events/opening");
    const alice = await get("/events/opening", { cookie: "next-auth.session-token=alice" });
    const bob = await get("/events/opening", { cookie: "__Secure-next-auth.session-token.0=bob; next-auth.session-token=bob" });
    const anonymousAfter = await get("/events/opening");
    const aliceAgain = await get("/events/opening", { cookie: "next-auth.session-token=alice" });

    expect([anonymousBefore.text, anonymousAfter.text]).toEqual([
      "document /events/opening user:anonymous zone:Asia/Almaty version:v1",
      "document /events/opening user:anonymous zone:Asia/Almaty version:v1",
    ]);
    expect(alice.text).toEqual("document /events/opening user:alice zone:Asia/Almaty version:v1");
    expect(bob.text).toEqual("document /events/opening user:bob zone:Asia/Almaty version:v1");
    expect(aliceAgain.text).toEqual("document /events/opening user:alice zone:Asia/Almaty version:v1");
    // One fill for the anonymous visitors; each signed-in request rendered for itself.
    expect(renders).toEqual(Array(4).fill("/events/opening"));
    expect(store.size).toEqual(1);
  });

  it("keys pages by the display-zone cookie", async () => {
    const astana = await get("/venues");
    const utc = await get("/venues", { cookie: "expo2017-zone=UTC; other=1" });
    const utcAgain = await get("/venues", { cookie: "other=2; expo2017-zone=UTC" });

    expect([astana.text, utc.text, utcAgain.text]).toEqual([
      "document /venues user:anonymous zone:Asia/Almaty version:v1",
      "document /venues user:anonymous zone:UTC version:v1",
      "document /venues user:anonymous zone:UTC version:v1",
    ]);
    expect(renders).toEqual(["/venues", "/venues"]);
  });

  it("renders again on the first request after the programme version changes", async () => {
    await get("/");
    version = "v2";
    const after = await get("/");

    expect(after.text).toEqual("document / user:anonymous zone:Asia/Almaty version:v2");
    expect(renders).toEqual(["/", "/"]);
  });

  it("passes 404s, answers that set a cookie and 500s to the app instead of serving them from memory", async () => {
    const missing = [await get("/events/unknown"), await get("/events/unknown")];
    const cookie = [await get("/national-days/sets-cookie"), await get("/national-days/sets-cookie")];
    const broken = [await get("/venues/broken"), await get("/venues/broken")];

    expect(missing.map((answer) => answer.status)).toEqual([404, 404]);
    expect(cookie.map((answer) => answer.headers["set-cookie"])).toEqual([["x=1"], ["x=1"]]);
    expect(broken.map((answer) => answer.status)).toEqual([500, 500]);
    // 404 and cookie: one fill each, remembered as uncacheable, then each request reaches the app.
    // 500: nothing remembered, so every request tries a fill again and then reaches the app.
    expect(renders.filter((url) => url === "/events/unknown")).toHaveLength(3);
    expect(renders.filter((url) => url === "/national-days/sets-cookie")).toHaveLength(3);
    expect(renders.filter((url) => url === "/venues/broken")).toHaveLength(4);
  });

  it("lets RSC payload requests, prefetches, HEAD, private pages and unknown paths through to the app", async () => {
    await get("/schedule", { rsc: "1" });
    await get("/schedule?_rsc=abc");
    await get("/schedule", { "next-router-prefetch": "1" });
    await get("/schedule", {}, "HEAD");
    await get("/itinerary");
    await get("/schedule/");
    await get("/schedule", { [FILL_HEADER]: secret });

    expect(renders).toEqual(["/schedule", "/schedule?_rsc=abc", "/schedule", "/schedule", "/itinerary", "/schedule/", "/schedule"]);
    expect(store.size).toEqual(0);
  });

  it("gzips a stored page for a client that accepts it, with a fresh nonce", async () => {
    const plain = await get("/timetable");
    const zipped = await get("/timetable", { "accept-encoding": "gzip" });

    expect(zipped.headers["content-encoding"]).toEqual("gzip");
    expect(zipped.text).toEqual(plain.text);
    expect(zipped.bodyNonces).toEqual([zipped.policyNonce, zipped.policyNonce]);
    expect(zipped.policyNonce).not.toEqual(plain.policyNonce);
    expect(renders).toEqual(["/timetable"]);
  });

  it("answers public data from memory per Host and version, with a 304 for its ETag, and lets private feeds through", async () => {
    const first = await get("/api/events?date=2017-08-14", { cookie: "next-auth.session-token=alice" });
    const again = await get("/api/events?date=2017-08-14");
    const conditional = await get("/api/events?date=2017-08-14", { "if-none-match": '"v1"' });
    const otherHost = await get("/api/events?date=2017-08-14", { host: "expo.example" });
    await get("/calendar/u/secret.ics");
    await get("/calendar/u/secret.ics");

    expect(JSON.parse(again.body)).toEqual({ url: "/api/events?date=2017-08-14", host: `127.0.0.1:${port}`, user: null, version: "v1", padding: "x".repeat(2000) });
    expect(again.body).toEqual(first.body);
    expect([conditional.status, conditional.body, conditional.headers.etag]).toEqual([304, "", '"v1"']);
    expect(JSON.parse(otherHost.body).host).toEqual("expo.example");
    expect(renders).toEqual(["/api/events?date=2017-08-14", "/api/events?date=2017-08-14", "/calendar/u/secret.ics", "/calendar/u/secret.ics"]);
  });

  describe("a stored page's RSC payload, out of its HTML (decision 030)", () => {
    const markerOf = (body: string) => /data-app-flight-src="([^"]+)"/.exec(body)?.[1]?.replace(/&amp;/g, "&");

    it("leaves the document with a marker in its place and answers it, in order, with the asking document's nonce", async () => {
      const page = await get("/pakistan-day");
      expect(page.body).not.toContain("self.__next_f.push");
      expect(page.body).toContain('<script nonce="' + page.policyNonce + '">more()</script><script type="application/x-app-flight" data-app-flight-src=');
      const source = markerOf(page.body) ?? "";
      expect(source).toMatch(new RegExp(`^${FLIGHT_PATH}\\?page=%2Fpakistan-day&id=[\\w-]{22}$`));

      const flight = await get(`${source}&nonce=${encodeURIComponent(page.policyNonce ?? "")}`, { "accept-encoding": "gzip" });
      expect(flight.status).toBe(200);
      expect(flight.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(flight.headers["content-encoding"]).toBe("gzip");
      expect(JSON.parse(flight.body)).toEqual([[1, `anonymous Asia/Almaty v1 nonce:${page.policyNonce} </p>`], [1, "second"]]);
      expect(renders).toEqual(["/pakistan-day"]);

      // Signed in since the page loaded: still that anonymous page's payload, not a user's.
      const signedIn = await get(`${source}&nonce=${encodeURIComponent(page.policyNonce ?? "")}`, { cookie: "next-auth.session-token=alice" });
      expect(JSON.parse(signedIn.body)[0][1]).toContain("anonymous");
    });

    it("renders the page again when its entry is gone, and answers 404 when the payload is no longer the document's", async () => {
      const page = await get("/pakistan-day");
      const source = markerOf(page.body) ?? "";
      store.clear("v1");
      expect((await get(`${source}&nonce=AAAAAAAAAAAAAAAAAAAAAA==`)).status).toBe(200);
      expect(renders).toEqual(["/pakistan-day", "/pakistan-day"]);

      version = "v2";
      const stale = await get(`${source}&nonce=AAAAAAAAAAAAAAAAAAAAAA==`);
      expect(stale.status).toBe(404);
      expect(JSON.parse(stale.body).error).toMatch(/reload the page/);
      expect(stale.headers["cache-control"]).toBe("no-store");
    });

    it("refuses a malformed request with a message naming the parameter, and a page it does not store", async () => {
      const id = "a".repeat(22);
      const cases: [string, number, RegExp][] = [
        [`${FLIGHT_PATH}?id=${id}&nonce=AAAAAAAAAAAAAAAAAAAAAA==`, 400, /^page/],
        [`${FLIGHT_PATH}?page=%2F%2Fevil.example&id=${id}&nonce=AAAAAAAAAAAAAAAAAAAAAA==`, 400, /^page/],
        [`${FLIGHT_PATH}?page=%2Fpakistan-day&id=short&nonce=AAAAAAAAAAAAAAAAAAAAAA==`, 400, /^id/],
        [`${FLIGHT_PATH}?page=%2Fpakistan-day&id=${id}`, 400, /^nonce/],
        [`${FLIGHT_PATH}?page=%2Fpakistan-day&id=${id}&nonce=%22%7D%3Cscript%3E`, 400, /^nonce/],
        [`${FLIGHT_PATH}?page=%2Fitinerary&id=${id}&nonce=AAAAAAAAAAAAAAAAAAAAAA==`, 404, /reload/],
      ];
      for (const [path, status, message] of cases) {
        const answer = await get(path);
        expect([path, answer.status]).toEqual([path, status]);
        expect(JSON.parse(answer.body).error).toMatch(message);
      }
      expect(renders).toEqual([]);
    });
  });

  it("remembers an uncacheable key only for its version", async () => {
    await get("/events/unknown");
    expect(await store.get(["page", "2017-06-10", "", "/events/unknown"].join("\n"), "v1", async () => null)).toEqual(UNCACHEABLE);
  });
});
