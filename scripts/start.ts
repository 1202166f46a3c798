// `npm start`: migrate, seed when empty, build when the sources changed, serve on PORT (3000).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { nextBin, serve } from "./lib/serve";

const root = path.join(__dirname, "..");
const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");
const SOURCES = ["app", "lib", "public", "next.config.js", "package-lock.json", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "prisma/schema.prisma"];

function newestMtime(entry: string): number {
  if (!fs.existsSync(entry)) return 0;
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(entry)
    .filter((name) => name !== "generated")
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

function buildIsStale(): boolean {
  const buildId = path.join(distDir, "BUILD_ID");
  if (!fs.existsSync(buildId)) return true;
  const builtAt = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((source) => newestMtime(path.join(root, source)) > builtAt);
}

void serve({
  mode: "production",
  async beforeStart(env) {
    if (!buildIsStale()) return;
    console.log("[expo] Building the app (next build); this takes a minute or two the first time");
    const result = spawnSync(process.execPath, [nextBin(), "build"], { env, stdio: "inherit", cwd: root });
    if (result.status !== 0) throw new Error("next build failed");
  },
  nextArgs: (port) => ["start", "-p", String(port)],
});
