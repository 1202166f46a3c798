// The Allow list of lib/security/request-guard.ts is kept by hand; this walks every route handler
// in app/ and fails as soon as one exports a method the list does not name (or the reverse),
// without waiting for the e2e route walk.
import fs from "node:fs";
import path from "node:path";
import { allowedMethods } from "@/lib/security/request-guard";

const APP = path.resolve(__dirname, "../../app");
const EXPORTED = /export\s+(?:const|async\s+function|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "app/api/share-links/[id]/route.ts" → "/api/share-links/sample" (a catch-all gets "session"). */
function samplePath(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep);
  return `/${segments.map((s) => (s.startsWith("[...") ? "session" : s.startsWith("[") ? "sample" : s)).join("/")}`;
}

const routes = routeFiles(APP).map((file) => {
  const methods = [...fs.readFileSync(file, "utf8").matchAll(EXPORTED)].map((match) => match[1]);
  const withHead = methods.includes("GET") ? [...methods, "HEAD"] : methods;
  return { path: samplePath(file), expected: [...new Set([...withHead, "OPTIONS"])].sort() };
});

test("every route handler is found", () => {
  expect(routes.length > 20).toEqual(true);
});

test.each(routes)("$path: Allow names exactly the methods its route exports", ({ path: route, expected }) => {
  expect(allowedMethods(route).split(", ").sort()).toEqual(expected);
});
