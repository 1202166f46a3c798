// `npx tsx scripts/js-per-page.ts [distDir]`: the JavaScript each page of a production build sends
// to the browser, compressed with gzip at zlib's default level (what `next start` sends), read
// from the build's manifests; no server, no browser. The check behind issue 13's 150 KiB budget
// while cutting bytes (Lighthouse, `npm run bench:phone`, counts the same files over the wire). A
// page's files are the root main files plus every entry file of its client reference manifest
// (layouts, error boundaries, the page); the legacy-browser polyfills (nomodule) are left out, as
// no current browser fetches them. Prints figures; asserts nothing.
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const distDir = path.resolve(process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next-e2e");
const ROUTES = ["/page", "/schedule/page", "/events/[slug]/page", "/pakistan-day/page", "/venues/[slug]/page", "/timetable/page", "/map/page", "/signin/page", "/signup/page", "/itinerary/page"];

const gzipped = new Map<string, number>();
function gzipSize(file: string): number {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(fs.readFileSync(path.join(distDir, file))).length);
  return gzipped.get(file)!;
}

function entryFiles(route: string): string[] {
  const manifestFile = path.join(distDir, "server/app", `${route}_client-reference-manifest.js`);
  if (!fs.existsSync(manifestFile)) return [];
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST[route].
  const sandbox = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
  new Function("globalThis", "self", fs.readFileSync(manifestFile, "utf8"))(sandbox, sandbox);
  const manifest = sandbox.__RSC_MANIFEST[route];
  return [...new Set(Object.values(manifest?.entryJSFiles ?? {}).flat())];
}

const build = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rootBytes = build.rootMainFiles.reduce((sum, file) => sum + gzipSize(file), 0);
console.log(`${distDir}: root main files ${kib(rootBytes)} gzip (shared by every page)\n`);
console.log("| page | JS, gzip | of which the page's own |");
console.log("|---|---|---|");
for (const route of ROUTES) {
  const files = entryFiles(route).filter((file) => !build.rootMainFiles.includes(file));
  const own = files.reduce((sum, file) => sum + gzipSize(file), 0);
  console.log(`| \`${route.replace(/\/page$/, "") || "/"}\` | ${kib(rootBytes + own)} | ${kib(own)} |`);
}
