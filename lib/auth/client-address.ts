import { getEnv } from "../env";

// The visitor's address, for rate limits. A route handler cannot see the socket's address, so the
// only source is X-Forwarded-For, and only when TRUST_PROXY says a reverse proxy sets it: without
// one, any client could send a different value with every attempt, or everybody would share one
// "unknown" address and five failures would lock out every visitor. With no trusted address the
// limits count per email only (docs/decisions/005-accounts-and-itineraries.md).
export type HeaderReader = (name: string) => string | null | undefined;

/** The first X-Forwarded-For entry when TRUST_PROXY is on; otherwise null (no reliable address). */
export function clientAddress(readHeader: HeaderReader, trustProxy: boolean = getEnv().TRUST_PROXY): string | null {
  if (!trustProxy) return null;
  const forwarded = readHeader("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded ? forwarded.slice(0, 100) : null;
}

/** Reads either a Fetch `Headers` or the plain object next-auth passes to `authorize`. */
export function headerReader(headers: Headers | Record<string, unknown> | undefined): HeaderReader {
  if (!headers) return () => undefined;
  if (headers instanceof Headers) return (name) => headers.get(name);
  return (name) => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
  };
}
