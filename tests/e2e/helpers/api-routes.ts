// Every route handler under app/ (the API, feeds, short links), found on disk, so a spec that must
// cover "every API route" fails when a new one is added without a request of its own.
import fs from "node:fs";
import path from "node:path";

const appDir = path.join(__dirname, "..", "..", "..", "app");
const METHOD_EXPORT = /export\s+(?:const|async\s+function|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE)\b/g;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** "METHOD /path/[param]" for every exported handler of every route.ts under app/, sorted. */
export function routeHandlers(): string[] {
  const handlers = routeFiles(appDir).flatMap((file) => {
    const route = `/${path.relative(appDir, path.dirname(file)).split(path.sep).join("/")}`;
    const source = fs.readFileSync(file, "utf8");
    return [...source.matchAll(METHOD_EXPORT)].map((match) => `${match[1]} ${route}`);
  });
  return [...new Set(handlers)].sort();
}
