// Which Cache-Control a page answer gets (docs/decisions/019-fast-on-a-phone.md).
//
// Every page renders per request (the CSP nonce, decision 008), and Next then answers
// "private, no-cache, no-store, max-age=0, must-revalidate". The no-store keeps a page out of the
// browser's back/forward cache, so Back re-downloads and re-renders it. Public pages need none
// of that: "private, no-cache" still keeps them out of shared caches and makes the browser ask
// again before reusing a copy, while letting Back restore the page as it was left.
// Pages whose content is the visitor's own (the itinerary, a shared itinerary behind its secret
// link) and the credential forms keep Next's no-store: nothing of theirs may be kept on the device.
import { ITINERARY_PATH, SIGN_IN_PATH, SIGN_UP_PATH } from "./paths";

export const PUBLIC_PAGE_CACHE_CONTROL = "private, no-cache";

const PRIVATE_PAGES = [ITINERARY_PATH, "/i", SIGN_IN_PATH, SIGN_UP_PATH];

function isPrivatePage(pathname: string): boolean {
  // "/%69tinerary" and repeated slashes reach the same route, so compare a normalised path
  // (proxy.ts has already refused broken percent-encoding; the catch is for any other caller).
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  path = path.replace(/\/{2,}/g, "/").toLowerCase();
  return PRIVATE_PAGES.some((page) => path === page || path.startsWith(`${page}/`));
}

/**
 * The Cache-Control to put on a page answer, or null to leave Next's no-store in place. Only
 * reads (GET, HEAD) are cacheable; a server action's POST answer keeps Next's value.
 */
export function pageCacheControl(method: string, pathname: string): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  return isPrivatePage(pathname) ? null : PUBLIC_PAGE_CACHE_CONTROL;
}
