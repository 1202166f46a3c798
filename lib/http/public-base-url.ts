import "server-only";
import { getEnv } from "../env";

// Absolute links the app hands out (API answers, feeds, page metadata) name the site's public
// address, NEXTAUTH_URL, whenever it is set. Only without it is the request's own origin used:
// that origin comes from the Host header, which any client can forge, and answers marked
// Cache-Control: public would then carry the forged host to every later reader of a shared cache.

/** NEXTAUTH_URL's origin ("https://expo.example"), or undefined when it is not set. */
export function configuredPublicOrigin(): string | undefined {
  const configured = getEnv().NEXTAUTH_URL;
  return configured ? new URL(configured).origin : undefined;
}

/** The origin for absolute URLs in an answer to `request`: NEXTAUTH_URL when set, else the request's. */
export function publicBaseUrl(request: Request): string {
  return configuredPublicOrigin() ?? new URL(request.url).origin;
}

/**
 * The origin for pages, which have no Request: NEXTAUTH_URL when set, else the default it stands
 * for (http://localhost:$PORT, as `npm start` and Next's own metadata default assume).
 */
export function sitePublicOrigin(): string {
  return configuredPublicOrigin() ?? `http://localhost:${process.env.PORT || 3000}`;
}
