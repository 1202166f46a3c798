// The module layout of docs/decisions/010-module-layout.md, checked on every test run: imports
// point app → components → lib/<area> → lib/db, lib areas never import each other in a circle, and
// lib never imports app or components. Reads the import statements of the source files; no build.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = /\.(ts|tsx)$/;
const IMPORT = /(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

function sourceFiles(dir: string): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs.readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SOURCE.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(path.join("lib", "generated")));
}

/** Project-relative targets of a file's imports ("lib/schedule/event-row"), outside packages left out. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  const targets: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (spec.startsWith("@/")) targets.push(path.normalize(spec.slice(2)));
    else if (spec.startsWith(".")) targets.push(path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)));
  }
  return targets;
}

/** "lib/schedule/x.ts" → "schedule"; top-level lib files (db.ts, env.ts) are the area "db"/"env". */
function libArea(target: string): string | null {
  const parts = target.split(path.sep);
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return parts.length === 2 ? parts[1].replace(/\.(ts|tsx)$/, "") : parts[1];
}

const libFiles = sourceFiles("lib");

/** Area → areas it imports. */
function areaGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of libFiles) {
    const from = libArea(file)!;
    if (!graph.has(from)) graph.set(from, new Set());
    for (const target of importsOf(file)) {
      const to = libArea(target);
      if (to && to !== from && to !== "generated") graph.get(from)!.add(to);
    }
  }
  return graph;
}

/** Every cycle found by depth-first search, each as "a → b → a". */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const visit = (node: string, trail: string[]) => {
    const at = trail.indexOf(node);
    if (at >= 0) {
      found.add([...trail.slice(at), node].join(" → "));
      return;
    }
    for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
  };
  for (const node of graph.keys()) visit(node, []);
  return [...found].sort();
}

describe("dependency direction", () => {
  it("lib areas import each other in one direction only (no cycle)", () => {
    expect(cycles(areaGraph())).toEqual([]);
  });

  it("calendar depends on schedule, never the reverse", () => {
    const graph = areaGraph();
    expect(graph.get("calendar")?.has("schedule")).toEqual(true);
    expect(graph.get("schedule")?.has("calendar")).toEqual(false);
  });

  it("lib never imports app or components", () => {
    const wrong = libFiles.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(`app${path.sep}`) || target.startsWith(`components${path.sep}`))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("components never import app", () => {
    const wrong = sourceFiles("components").flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(`app${path.sep}`))
        .map((target) => `${file} → ${target}`),
    );
    expect(wrong).toEqual([]);
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    const graph = new Map([
      ["schedule", new Set(["calendar"])],
      ["calendar", new Set(["schedule"])],
    ]);
    expect(cycles(graph)).toEqual(["calendar → schedule → calendar", "schedule → calendar → schedule"]);
  });
});
