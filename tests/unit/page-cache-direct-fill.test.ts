import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { inProcessFill, type DirectAnswer } from "@/lib/page-cache/direct-fill";
import { frontDoor, type FrontDoorOptions } from "@/lib/page-cache/front-door";
import { PageHtmlStore } from "@/lib/page-cache/page-html-store";

// The front door filling /api/events in process (docs/decisions/024), before a stand-in for Next
// that answers the way the real app does: the route's own headers (Content-Type, ETag,
// Cache-Control) plus the headers next.config.js and proxy.ts add to every answer.

let version = "v1";
let nextAnswers: string[] = [];
const routeCalls: string[] = [];
const store = new PageHtmlStore();
let port = 0;

/** The route's work, shared by the stand-in's handler and the in-process fill, as eventsAnswer is: the stored text, or a status. */
async function eventsRoute(url: string): Promise<DirectAnswer> {
  routeCalls.push(url);
  const q = new URL(url).searchParams.get("q") ?? "";
  if (q === "bad") return { status: 400 };
  const body = JSON.stringify({ events: [{ title: `${q} at ${version}` }], padding: "x".repeat(2000) });
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  return { status: 200, headers: [["cache-control", "public, max-age=60"], ["content-type", "application/json"], ["etag", etag]], body, etag };
}

const SECURITY_HEADERS = { "x-content-type-options": "nosniff", "x-frame-options": "DENY", "referrer-policy": "strict-origin-when-cross-origin", vary: "rsc" };

async function nextLike(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  nextAnswers.push(request.url ?? "/");
  const answer = await eventsRoute(`http://${request.headers.host}${request.url}`);
  const headers: http.OutgoingHttpHeaders = { ...SECURITY_HEADERS };
  if (!("body" in answer)) {
    response.writeHead(answer.status, { ...headers, "content-type": "application/json" });
    response.end(JSON.stringify({ error: "bad q" }));
    return;
  }
  for (const [name, value] of answer.headers) headers[name] = value;
  response.writeHead(answer.status, headers);
  response.end(answer.body);
}

const options: FrontDoorOptions = {
  store,
  version: async () => version,
  today: () => "2017-06-10",
  origin: () => `http://127.0.0.1:${port}`,
  secret: "test-secret",
  createNonce: () => "unused",
  fill: inProcessFill([{ path: "/api/events", answer: eventsRoute }]),
};
const door = frontDoor(options);
const server = http.createServer((request, response) => door(request, response, (req, res) => void nextLike(req, res)));

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http.request(`http://127.0.0.1:${port}${path}`, { headers }, resolve).on("error", reject).end();
  });
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  const { date, connection, "keep-alive": keepAlive, ...rest } = response.headers;
  void [date, connection, keepAlive];
  return { status: response.statusCode, body: Buffer.concat(chunks).toString(), headers: rest };
}

function without(headers: http.IncomingHttpHeaders, names: string[]): http.IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
}

describe("filling /api/events in process", () => {
  it("fills the first miss through Next, then answers new searches in process with Next's headers and bytes", async () => {
    const first = await get("/api/events?q=first");
    expect(nextAnswers).toEqual(["/api/events?q=first"]);

    nextAnswers = [];
    const direct = await get("/api/events?q=second");
    expect(nextAnswers).toEqual([]);
    expect(routeCalls[routeCalls.length - 1]).toEqual(`http://127.0.0.1:${port}/api/events?q=second`);

    // If-Modified-Since passes the front door: Next's own answer to the same search.
    const fromNext = await get("/api/events?q=second", { "if-modified-since": "Mon, 01 Jan 2018 00:00:00 GMT" });
    expect(nextAnswers).toEqual(["/api/events?q=second"]);
    // Framing differs (length vs chunked), and the front door adds Accept-Encoding to Vary on every
    // stored answer, as it may gzip them; everything else is the same, bytes and ETag included.
    const framing = ["content-length", "transfer-encoding", "vary"];
    expect([direct.status, direct.body, without(direct.headers, framing)]).toEqual([fromNext.status, fromNext.body, without(fromNext.headers, framing)]);
    expect(direct.headers.vary).toEqual("rsc, Accept-Encoding");
    expect(without(direct.headers, ["etag", "content-length"])).toEqual(without(first.headers, ["etag", "content-length"]));
  });

  it("answers a repeated search and its ETag from memory, and a new version afresh", async () => {
    const one = await get("/api/events?q=again");
    const calls = routeCalls.length;
    const two = await get("/api/events?q=again");
    const notModified = await get("/api/events?q=again", { "if-none-match": String(one.headers.etag) });
    expect([two.body, routeCalls.length, notModified.status]).toEqual([one.body, calls, 304]);

    version = "v2";
    const three = await get("/api/events?q=again");
    expect(JSON.parse(three.body).events).toEqual([{ title: "again at v2" }]);
  });

  it("leaves a bad request to Next, and other data and pages to their usual fill", async () => {
    nextAnswers = [];
    const bad = await get("/api/events?q=bad");
    expect([bad.status, nextAnswers]).toEqual([400, ["/api/events?q=bad"]]);

    nextAnswers = [];
    await get("/api/venues");
    expect(nextAnswers).toEqual(["/api/venues"]);
  });
});
