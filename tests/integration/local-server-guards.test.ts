import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { claimDataDirectory, DataDirectoryBusyError } from "../../scripts/lib/data-directory-lock";
import { isPortFree } from "../../scripts/lib/ports";

function freshDataDir(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claim-")), "postgres");
}

/** A process that idles for a minute; extra arguments only change what its command line says. */
function startSleeper(...args: string[]): ChildProcess {
  return spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)", ...args], { stdio: "ignore" });
}

describe("claimDataDirectory", () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  });

  it("refuses a data directory another live process owns, naming that process, and leaves its files alone", async () => {
    const dataDir = freshDataDir();
    const other = startSleeper();
    children.push(other);
    const ownerFile = `${dataDir}.owner`;
    fs.writeFileSync(ownerFile, `${other.pid}\n`);

    const claim = claimDataDirectory(dataDir);

    await expect(claim).rejects.toBeInstanceOf(DataDirectoryBusyError);
    await expect(claim).rejects.toThrow(`already in use by another process (pid ${other.pid})`);
    expect(fs.readFileSync(ownerFile, "utf8")).toEqual(`${other.pid}\n`);
    expect(other.exitCode).toBeNull();
  });

  it("takes over from an owner that died, recording this process", async () => {
    const dataDir = freshDataDir();
    const dead = startSleeper();
    await new Promise((resolve) => {
      dead.once("exit", resolve);
      dead.kill("SIGKILL");
    });
    fs.writeFileSync(`${dataDir}.owner`, `${dead.pid}\n`);

    const ownerFile = await claimDataDirectory(dataDir);

    expect(fs.readFileSync(ownerFile, "utf8")).toEqual(`${process.pid}\n`);
  });

  it("shuts down a server orphaned by a hard-killed start before starting a new one", async () => {
    const dataDir = freshDataDir();
    fs.mkdirSync(dataDir);
    // Looks like the embedded server's command line: .../bin/postgres -D <dataDir> -p <port>.
    const orphan = startSleeper("/opt/pg/bin/postgres", "-D", dataDir);
    children.push(orphan);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => orphan.once("exit", (_code, signal) => resolve(signal)));
    fs.writeFileSync(path.join(dataDir, "postmaster.pid"), `${orphan.pid}\n${dataDir}\n`);

    await claimDataDirectory(dataDir);

    // SIGINT is PostgreSQL's "fast shutdown": it finishes cleanly instead of being killed mid-write.
    expect(await exited).toEqual("SIGINT");
  });

  it("leaves alone a process that merely reuses the id in a stale postmaster.pid, and removes the file", async () => {
    const dataDir = freshDataDir();
    fs.mkdirSync(dataDir);
    const unrelated = startSleeper();
    children.push(unrelated);
    fs.writeFileSync(path.join(dataDir, "postmaster.pid"), `${unrelated.pid}\n${dataDir}\n`);

    await claimDataDirectory(dataDir);
    await new Promise((resolve) => setTimeout(resolve, 200));

    expect(unrelated.exitCode).toBeNull();
    expect(unrelated.signalCode).toBeNull();
    expect(fs.existsSync(path.join(dataDir, "postmaster.pid"))).toBe(false);
  });
});

describe("isPortFree", () => {
  it("is false while something listens on the port and true after it stops", async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const port = (server.address() as net.AddressInfo).port;

    const whileListening = await isPortFree(port);
    await new Promise((resolve) => server.close(resolve));

    expect([whileListening, await isPortFree(port)]).toEqual([false, true]);
  });
});
