// The production server starts with SERVER_NODE_FLAGS (scripts/lib/next-start.ts): a flag this Node's
// V8 does not know would stop `npm start`, the e2e tests and every bench from starting at all, so
// each is tried here on the Node that runs the tests.
import { spawnSync } from "node:child_process";
import { nextStartArgs, SERVER_NODE_FLAGS } from "../../scripts/lib/next-start";

test("every server flag is one this Node accepts", () => {
  const run = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, "-e", "process.stdout.write('started')"], { encoding: "utf8" });
  expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: "started", stderr: "" });
});

test("an unknown flag would have stopped it (the check above can fail)", () => {
  const run = spawnSync(process.execPath, ["--no-such-v8-setting-anywhere", "-e", "process.stdout.write('started')"], { encoding: "utf8" });
  expect(run.status).not.toEqual(0);
  expect(run.stdout).toEqual("");
});

test("the server is started with them, before Next's own arguments", () => {
  const args = nextStartArgs(3123);
  expect(args.slice(0, SERVER_NODE_FLAGS.length)).toEqual(SERVER_NODE_FLAGS);
  expect(args.slice(SERVER_NODE_FLAGS.length + 1)).toEqual(["start", "-p", "3123"]);
  expect(args[SERVER_NODE_FLAGS.length]).toMatch(/next[\\/]dist[\\/]bin[\\/]next$/);
});
