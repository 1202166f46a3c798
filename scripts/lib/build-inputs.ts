// Whether `npm start` must rebuild: the build records a hash of every file that can go into it —
// each file git tracks or would track (not ignored), outside tests/ and docs/ — and a start compares
// the files as they are now. A list of folders to watch missed components/, tsconfig.json and every
// new top-level folder (issue 8); letting git say what belongs to the project cannot miss one.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const MANIFEST = "expo-build-inputs.json";
/** Never part of the build; `.data` and build folders matter when git is absent. */
const OUTSIDE_BUILD = /^(tests|docs|\.ci|\.git|\.data|node_modules|\.next[^/]*|test-results|playwright-report|coverage)(\/|$)/;
const NOT_SOURCES = /^(lib\/generated\/|next-env\.d\.ts$|.*\.tsbuildinfo$)/;

/** Files as git lists them; without git (an unpacked archive), every file outside the skipped folders. */
function listFiles(root: string): string[] {
  const git = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  if (git.status === 0) return git.stdout.split("\0").filter(Boolean);
  const found: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (OUTSIDE_BUILD.test(name)) continue;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) found.push(name);
    }
  };
  walk("");
  return found;
}

/** file (relative, with /) → SHA-256 of its content, for every input of the build. */
export function hashBuildInputs(root: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  for (const file of listFiles(root).sort()) {
    if (OUTSIDE_BUILD.test(file) || NOT_SOURCES.test(file)) continue;
    let content: Buffer;
    try {
      content = fs.readFileSync(path.join(root, file));
    } catch {
      continue; // deleted but not yet staged: not an input any more
    }
    hashes[file] = createHash("sha256").update(content).digest("hex");
  }
  return hashes;
}

/** Why a rebuild is needed, as words for the log; null when the build matches its inputs. */
export function rebuildReason(distDir: string, current: Record<string, string>): string | null {
  if (!fs.existsSync(path.join(distDir, "BUILD_ID"))) return "there is no build yet";
  let recorded: Record<string, string>;
  try {
    recorded = JSON.parse(fs.readFileSync(path.join(distDir, MANIFEST), "utf8")) as Record<string, string>;
  } catch {
    return "the build has no record of the files it was made from";
  }
  const changes: string[] = [];
  for (const [file, hash] of Object.entries(current)) {
    if (!(file in recorded)) changes.push(`${file} was added`);
    else if (recorded[file] !== hash) changes.push(`${file} changed`);
  }
  for (const file of Object.keys(recorded)) if (!(file in current)) changes.push(`${file} was removed`);
  if (changes.length === 0) return null;
  const more = changes.length > 3 ? ` and ${changes.length - 3} more` : "";
  return `${changes.slice(0, 3).join(", ")}${more} since the last build`;
}

/** Stored after a successful build, with the hashes taken before it started. */
export function recordBuildInputs(distDir: string, inputs: Record<string, string>): void {
  fs.writeFileSync(path.join(distDir, MANIFEST), `${JSON.stringify(inputs, null, 1)}\n`);
}
