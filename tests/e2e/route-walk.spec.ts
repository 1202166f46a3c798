import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Walks every route of the app, enumerated from app/ (each page.tsx and route.ts), against the
// real `next start` with malformed requests, and fails on any 5xx. Raw node:http requests, because
// browsers and fetch refuse to send broken percent-encoding or TRACE.

const baseURL = new URL(process.env.E2E_BASE_URL ?? "http://localhost:3000");
const appDir = path.join(__dirname, "..", "..", "app");

// A value for each kind of dynamic segment, so the walk reaches the route's own code.
const SAMPLES: Record<string, string> = { "[...nextauth]": "session", "[file]": "x.ics" };

interface Route {
  /** e.g. "/api/events/[slug]" */
  pattern: string;
  kind: "page" | "handler";
}

function enumerateRoutes(dir: string, prefix = ""): Route[] {
  const routes: Route[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) routes.push(...enumerateRoutes(path.join(dir, entry.name), `${prefix}/${entry.name}`));
    else if (entry.name === "page.tsx") routes.push({ pattern: prefix || "/", kind: "page" });
    else if (entry.name === "route.ts") routes.push({ pattern: prefix || "/", kind: "handler" });
  }
  return routes;
}

const segments = (pattern: string) => pattern.split("/").filter(Boolean);
const concrete = (pattern: string) => `/${segments(pattern).map((s) => (s.startsWith("[") ? (SAMPLES[s] ?? "sample") : s)).join("/")}`;
/** The path with broken percent-encoding where a dynamic segment is (or at its end). */
function brokenEncoding(pattern: string): string {
  const parts = segments(pattern);
  const dynamic = parts.findIndex((s) => s.startsWith("["));
  if (dynamic < 0) return `${concrete(pattern).replace(/\/$/, "")}/%zz`;
  return `/${parts.map((s, i) => (i === dynamic ? "%zz%E0%A4%A" : s.startsWith("[") ? (SAMPLES[s] ?? "sample") : s)).join("/")}`;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
}

function send(method: string, target: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: baseURL.hostname, port: baseURL.port, method, path: target, headers: { ...headers, ...(body !== undefined ? { "content-length": String(Buffer.byteLength(body)) } : {}) } },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
      },
    );
    request.on("error", reject);
    if (body !== undefined) request.write(body);
    request.end();
  });
}

const routes = enumerateRoutes(appDir);
const origin = { origin: baseURL.origin };

test("the walk found the app's routes", () => {
  expect(routes.length).toBeGreaterThan(25);
});

for (const route of routes) {
  test(`${route.pattern}: malformed requests get no 5xx`, async () => {
    const target = concrete(route.pattern);
    const results: [string, number][] = [];
    const record = async (label: string, answer: Promise<Answer>) => {
      const { status } = await answer;
      results.push([label, status]);
      return answer;
    };

    const broken = await record("broken percent-encoding", send("GET", brokenEncoding(route.pattern)));
    expect(broken.status, "broken percent-encoding is a 4xx").toBeGreaterThanOrEqual(400);
    if (broken.status === 400) expect(broken.headers["x-content-type-options"]).toEqual("nosniff");

    const trace = await record("TRACE", send("TRACE", target));
    expect(trace.status).toEqual(405);
    if (route.kind === "handler") {
      // Next answers OPTIONS itself with the route's real methods: the guard's Allow must agree.
      const options = await send("OPTIONS", target, origin);
      if (options.headers.allow) {
        const sorted = (value: string | string[] | undefined) => String(value).split(",").map((m) => m.trim()).sort();
        expect(sorted(trace.headers.allow), `Allow for TRACE ${target}`).toEqual(sorted(options.headers.allow));
      }
    }

    await record("bad callbackUrl", send("GET", `${target}?callbackUrl=${encodeURIComponent("http://[::1")}`, { cookie: "next-auth.callback-url=http%3A%2F%2F%5B%3A%3A1" }));
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      await record(`${method} broken JSON`, send(method, target, { ...origin, "content-type": "application/json" }, "{oops"));
      await record(`${method} empty JSON`, send(method, target, { ...origin, "content-type": "application/json" }, ""));
      await record(`${method} text/plain`, send(method, target, { ...origin, "content-type": "text/plain" }, "hello"));
      await record(`${method} 70 KiB`, send(method, target, { ...origin, "content-type": "application/json" }, JSON.stringify({ x: "x".repeat(70 * 1024) })));
    }
    expect(results.filter(([, status]) => status >= 500)).toEqual([]);
  });
}

test("header precedence: the private feed's Referrer-Policy stays no-referrer; every answer has Permissions-Policy", async () => {
  const feed = await send("GET", "/calendar/u/not-a-token.ics");
  expect([feed.headers["referrer-policy"], typeof feed.headers["permissions-policy"]]).toEqual(["no-referrer", "string"]);
});

test("/e/{id} redirects to the configured public origin, not the Host the client sent", async () => {
  const answer = await send("GET", "/e/1", { host: "evil.example", "x-forwarded-proto": "https" });
  expect(answer.status).toEqual(308);
  expect(String(answer.headers.location).startsWith(`${baseURL.origin}/events/`)).toEqual(true);
});
