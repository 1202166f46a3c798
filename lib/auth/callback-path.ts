// Where to send a visitor after sign-in or sign-up. Pure (no server-only import) so it can be
// tested on its own; pages read it through lib/auth/session.ts.

// Any origin that cannot be real: a value is a same-site path only if resolving it against this
// origin keeps the origin.
const PLACEHOLDER_ORIGIN = "http://placeholder.invalid";

// Browsers drop tab, CR and LF inside URLs ("/\t/evil.example" becomes "//evil.example") and read a
// backslash as a slash ("/\evil.example"), so any of them makes the value unsafe, whatever it parses to.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f\\]/;

/**
 * Only a same-site path may be a callback: "/itinerary?day=2017-08-14#x" yes; "//evil.example",
 * "/\evil.example", "/\t/evil.example", "https://…" and "javascript:…" give the fallback.
 */
export function safeCallbackPath(value: string | string[] | undefined | null, fallback = "/"): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !raw.startsWith("/") || UNSAFE_CHARACTERS.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example", which a browser reads as another host.
  if (path.startsWith("//")) return fallback;
  return path;
}
