// The visitor's address for rate limiting. Behind a reverse proxy it is the first entry of
// X-Forwarded-For (set by the proxy); without one, "unknown" (docs/decisions/005-accounts-and-itineraries.md).
export type HeaderReader = (name: string) => string | null | undefined;

export function clientAddress(readHeader: HeaderReader): string {
  const forwarded = readHeader("x-forwarded-for")?.split(",")[0]?.trim();
  if (forwarded) return forwarded.slice(0, 100);
  const real = readHeader("x-real-ip")?.trim();
  if (real) return real.slice(0, 100);
  return "unknown";
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
