import localFont from "next/font/local";

/**
 * Geist, self-hosted (the `geist` package's own woff2, served from /_next/static/media and
 * preloaded), declared here rather than taken from `geist/font/sans` for one setting:
 * `font-display: optional`. The package's `swap` repainted the text when the font arrived after
 * the first paint, which it does once the CSS is inline (decision 019): Lighthouse measured a
 * layout shift of 0.05–0.09 on a phone-sized page, over issue 13's 0.05 budget, because the
 * fallback's line breaks differ. With `optional` a font that is not there within Chromium's short
 * block period (about 100 ms) is not used on that page at all, so nothing moves; it is cached and
 * used from the next page on. The largest paint never waits more than that block period.
 * For the same reason no metric-adjusted fallback face is generated (`adjustFontFallback`): it only
 * softens a swap, which `optional` never makes, and its `src: local(Arial)` sent the phone's first
 * style pass into the system's font lookup (decision 026).
 * Next sends the preload as a `Link` header; the page rewrite limits it to screens from 48 rem wide
 * (decision 028): on a phone the font is fetched when the first style pass needs it.
 */
export const siteFont = localFont({
  src: "../node_modules/geist/dist/fonts/geist-sans/Geist-Variable.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  display: "optional",
  adjustFontFallback: false,
});
