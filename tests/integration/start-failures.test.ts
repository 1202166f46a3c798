// Every start-up failure is one line naming the problem and what to do, with exit status 1 (issue 14).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "../../scripts/lib/ports";

const root = path.join(__dirname, "..", "..");

function runStart(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve("tsx/cli"), "scripts/start.ts"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: "", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stderr }));
  });
}

describe("npm start's start-up failures", () => {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
  });

  function tempFolder(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "start-failure-"));
    folders.push(folder);
    return folder;
  }

  it("reports a PostgreSQL binary that cannot be executed in one line naming it and the fix, exiting 1", async () => {
    const binaries = tempFolder();
    fs.mkdirSync(path.join(binaries, "bin"));
    for (const name of ["initdb", "postgres"]) fs.writeFileSync(path.join(binaries, "bin", name), "not a program\n", { mode: 0o644 });
    const initdb = path.join(binaries, "bin", "initdb");

    const result = await runStart({
      EXPO_POSTGRES_BIN: binaries,
      EXPO_POSTGRES_DATA: path.join(tempFolder(), "postgres"),
      PORT: String(await findFreePort()),
    });

    expect(result).toEqual({
      code: 1,
      stderr: `[expo] PostgreSQL's initdb at ${initdb} cannot be run (EACCES): reinstall with npm ci, check the folder is not mounted noexec, or set DATABASE_URL to use another server.\n`,
    });
  }, 60_000);

  it("reports a database that does not answer in one line, exiting 1", async () => {
    const port = await findFreePort();

    const result = await runStart({
      DATABASE_URL: `postgresql://nobody:secret@127.0.0.1:${port}/expo`,
      NEXTAUTH_SECRET: "x".repeat(32),
      PORT: String(await findFreePort()),
    });

    expect(result).toEqual({
      code: 1,
      stderr: `[expo] The database at 127.0.0.1:${port} does not answer (connection refused): start it, or correct DATABASE_URL.\n`,
    });
  }, 60_000);
});
