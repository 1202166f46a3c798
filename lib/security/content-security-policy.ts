import "server-only";
import { randomBytes } from "node:crypto";
import { getEnv } from "../env";

// A strict, nonce-based Content-Security-Policy for every page (docs/decisions/008-content-security-policy.md).
// proxy.ts makes a fresh nonce per request; Next reads it back from the request's
// Content-Security-Policy header and puts it on its own scripts, so only scripts this server
// rendered for this response run. An injected <script> cannot know the nonce.

export type ContentSecurityPolicyOptions = {
  /** Base64 nonce of this response, from createNonce(). */
  nonce: string;
  /** `next dev`: React's dev tooling rebuilds server error stacks with eval. */
  isDevelopment: boolean;
  /** Only when the site is served over https: on http://localhost the upgrade would break every asset. */
  upgradeInsecureRequests: boolean;
};

/** The Content-Security-Policy header value for a page. Pure: same options, same value. */
export function buildContentSecurityPolicy({ nonce, isDevelopment, upgradeInsecureRequests }: ContentSecurityPolicyOptions): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic' lets the nonced Next runtime load its own chunks; hosts and 'self' are then
    // ignored by CSP3 browsers, and no 'unsafe-inline' means an injected inline script never runs.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // Styles stay 'unsafe-inline': React renders `style={{…}}` props (the sign-in, sign-up and
    // itinerary pages use them) as style attributes, which no nonce can allow (nonces apply to
    // <style>/<link> elements only). next/font itself needs only 'self': its @font-face rules ship in
    // the CSS file and its preload link carries the nonce. Injected CSS can deface, not run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (upgradeInsecureRequests) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** 16 random bytes (128 bits), base64: unguessable, and the alphabet Next accepts in 'nonce-…'. */
export function createNonce(): string {
  return randomBytes(16).toString("base64");
}

/** HSTS: two years with subdomains, the value preload lists ask for; sent only over https (NEXTAUTH_URL). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** Whether the site's public address (NEXTAUTH_URL) is https; unset means http://localhost. */
export function isServedOverHttps(publicUrl: string | undefined): boolean {
  return publicUrl !== undefined && new URL(publicUrl).protocol === "https:";
}

/** The policy for a page response carrying `nonce`, for this deployment's environment. */
export function pageContentSecurityPolicy(nonce: string): string {
  const env = getEnv();
  return buildContentSecurityPolicy({
    nonce,
    isDevelopment: env.NODE_ENV === "development",
    upgradeInsecureRequests: isServedOverHttps(env.NEXTAUTH_URL),
  });
}
