// Checks what `npm install` should have left behind, before anything that needs it is loaded: a
// missing piece then reads as one line saying to run npm install, not as a "Cannot find module" trace.
import fs from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "..", "..");

const REQUIRED: { file: string; problem: string }[] = [
  { file: "node_modules/next/package.json", problem: "The dependencies are not installed (node_modules/next is missing)" },
  {
    file: "lib/generated/prisma/client.ts",
    problem: "The Prisma client has not been generated (lib/generated/prisma is missing; npm install's postinstall script makes it)",
  },
];

/** Exits with one line when the install is incomplete. */
export function checkInstall(prefix: string): void {
  const missing = REQUIRED.find(({ file }) => !fs.existsSync(path.join(root, file)));
  if (!missing) return;
  console.error(`[${prefix}] ${missing.problem}: run npm install (with install scripts allowed).`);
  process.exit(1);
}
