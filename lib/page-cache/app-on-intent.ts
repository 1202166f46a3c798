import type http from "node:http";
import { StringDecoder } from "node:string_decoder";
import zlib from "node:zlib";
import { DEVICE_SAVES_COOKIE } from "../itinerary/device-saves";
import { APP_FLIGHT_SOURCE_ATTRIBUTE, APP_FLIGHT_TYPE, APP_READY_EVENT, APP_SCRIPT_ATTRIBUTE, HELD_FORMS, SKIP_OFFSCREEN_ATTRIBUTE, SKIPPED_CARDS, appOnIntentLoader } from "./app-on-intent-loader";
import { isNextVariant, PUBLIC_PAGE } from "./front-door";
import { interceptRequests } from "../http/request-hook";

// Next's and React's client runtime starts on a page's first intent, not at load
// (docs/decisions/026-app-runtime-on-first-intent.md). Measured on the quiet machine, evaluating the
// framework's own chunk was the largest task of every page (57–139 ms of CPU, ×4 on Lighthouse's
// phone), over issue 13's whole 100 ms blocking budget before a component of ours ran. The pages
// below work without JavaScript (server-rendered saved state and times, forms posting to server
// actions, GET filter forms, the popover menu, plain links), so their HTML names the chunks in
// inert placeholders and one small inline script loads them on the first pointerdown, touchstart,
// keydown, wheel or focus — or at once when this device holds saves made before sign-in (they
// must be shown and merged). A save tapped before the app is ready is held and replayed once it is
// (a native post would reload the page at its top), and so are the schedule's filters (a client
// navigation, so Back keeps the scroll) and a tap on a button only the app drives; text typed
// meanwhile survives hydration. Everything else a tap can do, the browser does natively. On a phone the first touch of a scroll is an intent, so
// the app is usually ready before the first tap on a card.

/** Besides the public pages, these GET documents load the app on intent. Admin, sign-in and the map keep it at load. */
const OTHER_ON_INTENT_PAGE = /^\/(?:changes|itinerary|i\/[^/?#]+)$/;

const APP_SCRIPT = /<script src="(\/_next\/static\/[^"]+\.js)"([^>]*)><\/script>/g;
// The page's RSC payload, which hydration reads: inline scripts of Next's of the form
// `self.__next_f.push(<JSON>)` (the first one, which creates the array, stays as it is). Made
// inert, they cost the phone nothing at load; the loader pushes them when the app starts.
const FLIGHT_OPEN = "self.__next_f.push(";
const FLIGHT_SCRIPT = /<script(?: nonce="[^"]*")?>self\.__next_f\.push\(/g;
const APP_PRELOAD = /<link rel="preload" as="script"[^>]*href="\/_next\/static\/[^"]+\.js"[^>]*\/?>/g;
const LOADER_SOURCE = `(${appOnIntentLoader.toString()})(${[DEVICE_SAVES_COOKIE, APP_READY_EVENT, APP_SCRIPT_ATTRIBUTE, APP_FLIGHT_TYPE, HELD_FORMS, SKIP_OFFSCREEN_ATTRIBUTE, SKIPPED_CARDS, APP_FLIGHT_SOURCE_ATTRIBUTE].map((value) => JSON.stringify(value)).join(",")})`;

/**
 * Rewrites a page's HTML as it streams: each chunk script becomes a placeholder (the first one
 * preceded by the loader, with the same nonce), chunk preloads go, the RSC payload's scripts become
 * inert. A tag split across writes is held back until the next one.
 */
export class AppScriptDeferral {
  private carry = "";
  private loaderSent = false;

  push(text: string): string {
    const all = this.carry + text;
    // Held back: a tag not closed yet, or a chunk script whose </script> has not come. What we
    // rewrite is short, so an unclosed "<" further back is text (the inline RSC payload).
    let cut = all.length;
    const open = all.lastIndexOf("<");
    if (open >= 0 && all.indexOf(">", open) < 0) cut = open;
    const script = all.lastIndexOf('<script src="/_next/');
    if (script >= 0 && all.indexOf("</script>", script) < 0) cut = Math.min(cut, script);
    // An inline script's tag whose first characters may still be the payload's opening call.
    const inline = all.lastIndexOf("<script");
    const body = inline >= 0 ? all.indexOf(">", inline) + 1 : 0;
    if (body > 0 && all.length - body < FLIGHT_OPEN.length && FLIGHT_OPEN.startsWith(all.slice(body))) cut = Math.min(cut, inline);
    if (all.length - cut > 1024) cut = all.length;
    this.carry = all.slice(cut);
    return this.rewrite(all.slice(0, cut));
  }

  end(): string {
    const rest = this.carry;
    this.carry = "";
    return this.rewrite(rest);
  }

  private rewrite(html: string): string {
    const inert = html.replace(FLIGHT_SCRIPT, `<script type="${APP_FLIGHT_TYPE}">${FLIGHT_OPEN}`);
    return inert.replace(APP_PRELOAD, "").replace(APP_SCRIPT, (tag: string, src: string, attributes: string) => {
      if (/\bnoModule\b/i.test(attributes)) return tag;
      const placeholder = `<script type="application/x-app-on-intent" ${APP_SCRIPT_ATTRIBUTE}="${src}"></script>`;
      if (this.loaderSent) return placeholder;
      this.loaderSent = true;
      const nonce = /\bnonce="([^"]*)"/.exec(attributes)?.[1];
      return `<script${nonce ? ` nonce="${nonce}"` : ""}>${LOADER_SOURCE}</script>${placeholder}`;
    });
  }
}

/** Where the site header widens (app/globals.css); from this width on, the page preloads its font. */
export const WIDE_SCREEN_MEDIA = "(min-width: 48rem)";

/**
 * A Link header with its font preloads limited to wide screens (decision 028). On a phone over a
 * slow network the 70 KB font, preloaded, shares the link with the document and still misses
 * `font-display: optional`'s ~100 ms block period, so the first page shows the fallback anyway; not
 * preloaded, it is fetched when the first style pass needs it, at the highest priority, and is
 * cached for the next page. Entries start with "<", which a header's URL cannot contain unescaped.
 */
export function fontPreloadsForWideScreens(link: string): string {
  return link
    .split(/,\s*(?=<)/)
    .map((entry) => (/;\s*as="?font"?/i.test(entry) && !/;\s*media=/i.test(entry) ? `${entry}; media="${WIDE_SCREEN_MEDIA}"` : entry))
    .join(", ");
}

/** Whether this request's HTML loads the app on intent. */
export function loadsAppOnIntent(request: http.IncomingMessage): boolean {
  if (request.method !== "GET") return false;
  const target = request.url ?? "/";
  const queryAt = target.indexOf("?");
  const path = queryAt < 0 ? target : target.slice(0, queryAt);
  if (!PUBLIC_PAGE.test(path) && !OTHER_ON_INTENT_PAGE.test(path)) return false;
  return !isNextVariant(request, target);
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|[\w.+-]*\+(?:json|xml)))/;

type WriteCallback = (error?: Error | null) => void;

/**
 * Wraps the response so HTML leaves with placeholders. Next's own compression would hand this
 * wrapper gzip bytes, so the request reaches Next as not accepting gzip and the answer is gzipped
 * here instead (flushed per burst of writes, so a streamed page still streams).
 */
function rewriteResponse(response: http.ServerResponse, acceptsGzip: boolean): void {
  // Node's overloads, called with the arguments Next passed (or fewer): typed loosely on purpose.
  type Loose = (this: http.ServerResponse, ...args: unknown[]) => unknown;
  const original = { writeHead: response.writeHead as Loose, write: response.write as Loose, end: response.end as Loose };
  let deferral: AppScriptDeferral | null = null;
  let decoder: StringDecoder | null = null;
  let gzip: zlib.Gzip | null = null;
  let flushing = false;
  let decided = false;

  function decide(status: number): void {
    decided = true;
    const type = String(response.getHeader("content-type") ?? "");
    if (response.getHeader("content-encoding")) return;
    const bodyless = status === 204 || status === 304 || status < 200;
    // Only a page that rendered: a 404 or 503 page's content is an error boundary that React
    // renders in the browser, so it needs the app at load.
    if (type.startsWith("text/html") && status === 200) {
      const link = response.getHeader("link");
      if (link !== undefined) response.setHeader("link", fontPreloadsForWideScreens(Array.isArray(link) ? link.join(", ") : String(link)));
      deferral = new AppScriptDeferral();
      decoder = new StringDecoder("utf8");
      response.removeHeader("content-length");
    }
    if (!COMPRESSIBLE.test(type) || bodyless) return;
    const vary = String(response.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) response.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (!acceptsGzip) return;
    response.removeHeader("content-length");
    response.setHeader("content-encoding", "gzip");
    gzip = zlib.createGzip();
    gzip.on("data", (chunk: Buffer) => original.write.call(response, chunk));
    gzip.on("error", (error) => response.destroy(error));
  }

  function transform(chunk: unknown, encoding?: BufferEncoding): Buffer {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, encoding ?? "utf8") : Buffer.from(chunk as Uint8Array);
    return deferral && decoder ? Buffer.from(deferral.push(decoder.write(bytes))) : bytes;
  }

  response.writeHead = function (this: http.ServerResponse, status: number, ...rest: unknown[]) {
    const message = typeof rest[0] === "string" ? rest[0] : undefined;
    const headers = (message === undefined ? rest[0] : rest[1]) as http.OutgoingHttpHeaders | string[] | undefined;
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    if (!decided) decide(status);
    return (message === undefined ? original.writeHead.call(this, status) : original.writeHead.call(this, status, message)) as http.ServerResponse;
  } as typeof response.writeHead;

  response.write = function (this: http.ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!deferral && !gzip) return original.write.call(this, chunk, encoding, callback) as boolean;
    const bytes = transform(chunk, encoding as BufferEncoding | undefined);
    if (!gzip) return original.write.call(this, bytes, callback) as boolean;
    const stream: zlib.Gzip = gzip;
    stream.write(bytes);
    if (!flushing) {
      flushing = true;
      setImmediate(() => {
        flushing = false;
        if (!stream.writableEnded) stream.flush(zlib.constants.Z_SYNC_FLUSH);
      });
    }
    if (typeof callback === "function") process.nextTick(callback as WriteCallback);
    return true;
  } as typeof response.write;

  response.end = function (this: http.ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (typeof chunk === "function") [callback, chunk] = [chunk, undefined];
    else if (typeof encoding === "function") [callback, encoding] = [encoding, undefined];
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!deferral && !gzip) return original.end.call(this, chunk, encoding, callback) as http.ServerResponse;
    const body = chunk === undefined || chunk === null ? Buffer.alloc(0) : transform(chunk, encoding as BufferEncoding | undefined);
    const tail = deferral && decoder ? Buffer.from(deferral.push(decoder.end()) + deferral.end()) : Buffer.alloc(0);
    if (!gzip) return original.end.call(this, Buffer.concat([body, tail]), callback) as http.ServerResponse;
    const stream: zlib.Gzip = gzip;
    stream.once("end", () => original.end.call(this, callback));
    stream.end(Buffer.concat([body, tail]));
    return this;
  } as typeof response.end;
}

let installed = false;

/** Installed from instrumentation.ts before the page front door, so its fills are rewritten too. */
export function installAppOnIntent(): void {
  if (installed) return;
  installed = true;
  interceptRequests((request, response, pass) => {
    if (!loadsAppOnIntent(request)) return pass();
    const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    request.headers["accept-encoding"] = "identity";
    rewriteResponse(response, acceptsGzip);
    pass();
  });
}
