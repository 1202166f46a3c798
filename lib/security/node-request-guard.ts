import { interceptRequests } from "../http/request-hook";
import { STRICT_TRANSPORT_SECURITY } from "./content-security-policy";
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
  interceptRequests((request, response, pass) => {
    const refusal = refusalFor(request.method ?? "GET", request.url ?? "/");
    if (!refusal) return pass();
    const hsts = https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {};
    response.writeHead(refusal.status, { ...SECURITY_HEADERS, ...hsts, ...refusal.headers });
    response.end(JSON.stringify(refusal.body));
  });
}
