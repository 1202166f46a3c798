import http from "node:http";
import type { AddressInfo } from "node:net";
import { StringDecoder } from "node:string_decoder";
import zlib from "node:zlib";
import { AppScriptDeferral, WIDE_SCREEN_MEDIA, fontPreloadsForWideScreens, installAppOnIntent, loadsAppOnIntent } from "@/lib/page-cache/app-on-intent";

// The HTML Next 16 sends (shape copied from a production build's event page).
const NONCE = "YtQoOT9H5E4RAPrnZ8/+Ww==";
const PAGE = [
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>`,
  `<link rel="preload" as="script" fetchPriority="low" nonce="${NONCE}" href="/_next/static/chunks/310vm2bl3xxpt.js"/>`,
  `<link rel="preload" href="/_next/static/media/geist.woff2" as="font" crossorigin="" type="font/woff2"/>`,
  `<script src="/_next/static/chunks/2uv3eu5we-al7.js" async="" nonce="${NONCE}"></script>`,
  `<script src="/_next/static/chunks/turbopack-077hmtqrhcoji.js" async="" nonce="${NONCE}"></script>`,
  `<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule="" nonce="${NONCE}"></script>`,
  `</head><body><p>Symphony No. 8 — 2 &lt; 3</p><script type="application/ld+json">{"a":1}</script>`,
  `<script nonce="${NONCE}" id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>`,
  `<script src="/_next/static/chunks/310vm2bl3xxpt.js" nonce="${NONCE}" async=""></script>`,
  `<script nonce="${NONCE}">(self.__next_f=self.__next_f||[]).push([0])</script>`,
  `<script nonce="${NONCE}">self.__next_f.push([1,"a \\u003c b: Astana — Астана"])</script></body></html>`,
].join("");

function deferInOneGo(html: string): string {
  const deferral = new AppScriptDeferral();
  return deferral.push(html) + deferral.end();
}

describe("the HTML of a page that loads the app on intent", () => {
  const out = deferInOneGo(PAGE);

  it("names every chunk script in an inert placeholder, keeps the noModule one, drops chunk preloads", () => {
    expect(out).not.toMatch(/<script src="\/_next\/static\/chunks\/(?:2uv3|turbopack|310vm)/);
    expect(out.match(/<script type="application\/x-app-on-intent" data-app-src="[^"]+"><\/script>/g)).toEqual([
      `<script type="application/x-app-on-intent" data-app-src="/_next/static/chunks/2uv3eu5we-al7.js"></script>`,
      `<script type="application/x-app-on-intent" data-app-src="/_next/static/chunks/turbopack-077hmtqrhcoji.js"></script>`,
      `<script type="application/x-app-on-intent" data-app-src="/_next/static/chunks/310vm2bl3xxpt.js"></script>`,
    ]);
    expect(out).toContain(`<script src="/_next/static/chunks/0cz1d0mv5g_q7.js" noModule="" nonce="${NONCE}"></script>`);
    expect(out).not.toContain(`rel="preload" as="script"`);
    expect(out).toContain(`as="font"`);
  });

  it("puts one loader before the first placeholder, with the page's nonce, and leaves the rest alone", () => {
    expect(out.split(`<script nonce="${NONCE}">(function`).length - 1).toBe(1);
    expect(out.indexOf(`<script nonce="${NONCE}">(`)).toBeLessThan(out.indexOf("x-app-on-intent"));
    expect(out).toContain(`"expo2017-device-saves"`);
    for (const kept of [`<p>Symphony No. 8 — 2 &lt; 3</p>`, `id="_R_"`, `{"a":1}`, `<script nonce="${NONCE}">(self.__next_f=self.__next_f||[]).push([0])</script>`]) {
      expect(out).toContain(kept);
    }
  });

  it("makes the RSC payload's scripts inert, their text unchanged; the one creating the queue still runs", () => {
    expect(out).toContain(`<script type="application/x-app-flight">self.__next_f.push([1,"a \\u003c b: Astana — Астана"])</script>`);
    expect(out).not.toContain(`<script nonce="${NONCE}">self.__next_f`);
  });

  it("holds back an inline script's tag until it shows whether the payload follows", () => {
    const bytes = PAGE;
    const at = bytes.indexOf("self.__next_f.push([1");
    for (let cut = at - 40; cut <= at + 20; cut++) {
      const deferral = new AppScriptDeferral();
      expect(deferral.push(bytes.slice(0, cut)) + deferral.push(bytes.slice(cut)) + deferral.end()).toBe(out);
    }
  });

  it("gives the same bytes however the stream is cut, even inside a tag or a multi-byte character", () => {
    const bytes = Buffer.from(PAGE);
    const whole = Buffer.from(out);
    for (let cut = 1; cut < bytes.length; cut += 7) {
      const deferral = new AppScriptDeferral();
      const decoder = new StringDecoder("utf8");
      const first = deferral.push(decoder.write(bytes.subarray(0, cut)));
      const second = deferral.push(decoder.write(bytes.subarray(cut))) + deferral.push(decoder.end()) + deferral.end();
      expect(Buffer.from(first + second).equals(whole)).toBe(true);
    }
  });

  it("applies to GET documents of the public pages and the itinerary, not to RSC requests, admin or sign-in", () => {
    const request = (method: string, url: string, headers: http.IncomingHttpHeaders = {}) => ({ method, url, headers }) as http.IncomingMessage;
    for (const url of ["/", "/schedule?date=2017-08-14", "/events/mahler-symphony-no-8", "/pakistan-day", "/itinerary", "/i/abc", "/timetable", "/venues/x"]) {
      expect([url, loadsAppOnIntent(request("GET", url))]).toEqual([url, true]);
    }
    expect(loadsAppOnIntent(request("POST", "/schedule"))).toBe(false);
    expect(loadsAppOnIntent(request("GET", "/admin"))).toBe(false);
    expect(loadsAppOnIntent(request("GET", "/signin"))).toBe(false);
    expect(loadsAppOnIntent(request("GET", "/schedule?_rsc=1"))).toBe(false);
    expect(loadsAppOnIntent(request("GET", "/schedule", { rsc: "1" }))).toBe(false);
    expect(loadsAppOnIntent(request("GET", "/schedule", { "next-action": "x" }))).toBe(false);
  });
});

// As Next 16 sends a next/font preload.
const FONT_LINK = '</_next/static/media/Geist_Variable.p.43azbxi7zpibd.woff2>; rel=preload; as="font"; crossorigin=""; nonce="n0nce"; type="font/woff2"';

describe("the Link header of a page", () => {
  it("limits each font preload to wide screens and leaves other entries as they are", () => {
    const style = '</_next/static/chunks/a,b.css>; rel=preload; as="style"';
    expect(fontPreloadsForWideScreens(`${FONT_LINK}, ${style}, ${FONT_LINK.replace("Geist", "Mono")}`)).toBe(
      `${FONT_LINK}; media="${WIDE_SCREEN_MEDIA}", ${style}, ${FONT_LINK.replace("Geist", "Mono")}; media="${WIDE_SCREEN_MEDIA}"`,
    );
    expect(fontPreloadsForWideScreens(style)).toBe(style);
  });

  it("keeps a media query the preload already has", () => {
    const narrow = `${FONT_LINK}; media="(max-width: 20rem)"`;
    expect(fontPreloadsForWideScreens(narrow)).toBe(narrow);
  });
});

describe("a server with the rewrite installed", () => {
  let server: http.Server;
  let base = "";
  const seen: { encoding?: string }[] = [];

  beforeAll(async () => {
    installAppOnIntent();
    server = http.createServer((request, response) => {
      seen.push({ encoding: request.headers["accept-encoding"] });
      const url = request.url ?? "/";
      if (url.startsWith("/events/")) {
        // As Next does: headers set, then the HTML in several writes, cut inside a tag.
        response.statusCode = 200;
        response.setHeader("content-type", "text/html; charset=utf-8");
        response.setHeader("link", `${FONT_LINK}, </_next/static/chunks/a.css>; rel=preload; as="style"`);
        const bytes = Buffer.from(PAGE);
        response.write(bytes.subarray(0, 300));
        setTimeout(() => {
          response.write(bytes.subarray(300, 700));
          response.end(bytes.subarray(700));
        }, 5);
      } else if (url === "/schedule") {
        response.writeHead(304, { etag: '"x"' });
        response.end();
      } else if (url === "/venues") {
        response.writeHead(200, { "content-type": "text/x-component", "content-length": "5" });
        response.end("hello");
      } else {
        response.writeHead(200, { "content-type": "text/html", "content-length": String(Buffer.byteLength(PAGE)) });
        response.end(PAGE);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function get(path: string, gzip: boolean): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    return new Promise((resolve, reject) => {
      http
        .get(`${base}${path}`, { headers: gzip ? { "accept-encoding": "gzip, br" } : {} }, (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            const raw = Buffer.concat(chunks);
            const body = response.headers["content-encoding"] === "gzip" ? zlib.gunzipSync(raw) : raw;
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString() });
          });
        })
        .on("error", reject);
    });
  }

  it("streams a page's HTML rewritten and gzipped here, with Next asked for identity", async () => {
    seen.length = 0;
    const answer = await get("/events/x", true);
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers.vary).toMatch(/Accept-Encoding/);
    expect(answer.body).toBe(deferInOneGo(PAGE));
    expect(seen).toEqual([{ encoding: "identity" }]);
    expect(answer.headers.link).toBe(`${FONT_LINK}; media="${WIDE_SCREEN_MEDIA}", </_next/static/chunks/a.css>; rel=preload; as="style"`);
  });

  it("rewrites without gzip for a client that does not take it, and drops a stale Content-Length", async () => {
    const answer = await get("/", false);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.body).toBe(deferInOneGo(PAGE));
    expect(Number(answer.headers["content-length"] ?? Buffer.byteLength(answer.body))).toBe(Buffer.byteLength(answer.body));
  });

  it("passes a 304 and a non-HTML answer unchanged in content", async () => {
    const notModified = await get("/schedule", true);
    expect(notModified.status).toBe(304);
    expect(notModified.headers["content-encoding"]).toBeUndefined();
    const component = await get("/venues", true);
    expect(component.body).toBe("hello");
  });

  it("leaves paths it does not serve alone, Accept-Encoding included", async () => {
    seen.length = 0;
    const answer = await get("/admin", true);
    expect(answer.body).toBe(PAGE);
    expect(seen).toEqual([{ encoding: "gzip, br" }]);
  });
});
