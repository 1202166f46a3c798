import http from "node:http";
import { refusalFor } from "./request-guard";

// Next builds a Fetch Request for every incoming request before proxy.ts or any route runs, and
// undici refuses methods such as TRACE ("'TRACE' HTTP method is unsupported"): Next then answers
// 500. The only place to answer such a request properly is the Node server itself, so this wraps
// the 'request' event of every http.Server in the process (installed once, from
// instrumentation.ts, before the first request). Broken percent-encoding is refused here too, so
// it never reaches Next's decoding of route parameters.

// Security headers next.config.js would have added (it never sees these answers).
const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
};

let installed = false;

export function installNodeRequestGuard(https: boolean): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit;
  const guarded = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
      const refusal = refusalFor(request.method ?? "GET", request.url ?? "/");
      if (refusal) {
        const hsts = https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {};
        response.writeHead(refusal.status, { ...SECURITY_HEADERS, ...hsts, ...refusal.headers });
        response.end(JSON.stringify(refusal.body));
        return true;
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  };
  http.Server.prototype.emit = guarded as typeof http.Server.prototype.emit;
}
