import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { hashBuildInputs, rebuildReason, recordBuildInputs } from "../../scripts/lib/build-inputs";

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "build-inputs-"));
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  return root;
}

/** A finished build of the project as it is now. */
function build(root: string): string {
  const distDir = path.join(root, ".next");
  fs.mkdirSync(distDir, { recursive: true });
  fs.writeFileSync(path.join(distDir, "BUILD_ID"), "test\n");
  recordBuildInputs(distDir, hashBuildInputs(root));
  return distDir;
}

const FILES = {
  "app/page.tsx": "export default function Page() {}\n",
  "components/EventCard.tsx": "export function EventCard() {}\n",
  "tsconfig.json": "{}\n",
  "tests/unit/a.test.ts": "test\n",
  "docs/decisions/001.md": "# one\n",
  ".gitignore": ".next/\n",
};

describe.each([
  ["an unpacked archive (no git)", false],
  ["a git checkout", true],
])("rebuildReason in %s", (_label, useGit) => {
  let root: string;
  beforeEach(() => {
    root = project(FILES);
    if (useGit) spawnSync("git", ["init", "-q"], { cwd: root });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("asks for a rebuild when a component changed, naming the file", () => {
    const distDir = build(root);
    fs.writeFileSync(path.join(root, "components/EventCard.tsx"), "export function EventCard() { return null; }\n");

    expect(rebuildReason(distDir, hashBuildInputs(root))).toEqual("components/EventCard.tsx changed since the last build");
  });

  it("asks for a rebuild when a new top-level folder or tsconfig.json changes", () => {
    const distDir = build(root);
    fs.mkdirSync(path.join(root, "hooks"));
    fs.writeFileSync(path.join(root, "hooks/use-zone.ts"), "export {};\n");
    fs.writeFileSync(path.join(root, "tsconfig.json"), '{"compilerOptions":{}}\n');

    expect(rebuildReason(distDir, hashBuildInputs(root))).toEqual("hooks/use-zone.ts was added, tsconfig.json changed since the last build");
  });

  it("keeps the build when only tests or docs changed, or a file was merely touched", () => {
    const distDir = build(root);
    fs.writeFileSync(path.join(root, "tests/unit/a.test.ts"), "changed\n");
    fs.writeFileSync(path.join(root, "docs/decisions/002.md"), "# two\n");
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, "app/page.tsx"), later, later);

    expect(rebuildReason(distDir, hashBuildInputs(root))).toBeNull();
  });

  it("asks for a build when there is none", () => {
    expect(rebuildReason(path.join(root, ".next"), hashBuildInputs(root))).toEqual("there is no build yet");
  });
});
