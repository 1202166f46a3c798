import "server-only";
import { getEnv } from "../env";

// Session cookies are SameSite=Lax, which already keeps them off most cross-site writes; checking
// Origin as well refuses the rest (older browsers, same-site subdomains) on every state change.

function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>();
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) hosts.add(new URL(configured).host);
  // The browser sets Host to the site it is talking to, so it names this app even behind a proxy
  // that keeps the Host header.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) hosts.add(host.split(",")[0].trim());
  else hosts.add(new URL(request.url).host);
  return hosts;
}

/** A 403 JSON response when the request carries an Origin other than this app's; null otherwise. */
export function rejectCrossOrigin(request: Request): Response | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  let host: string | null = null;
  try {
    host = origin === "null" ? null : new URL(origin).host;
  } catch {
    host = null;
  }
  if (host && ownHosts(request).has(host)) return null;
  return Response.json(
    { error: "Requests from another site are refused.", details: [{ parameter: "Origin", message: `${origin} is not this site` }] },
    { status: 403 },
  );
}
