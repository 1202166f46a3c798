// `npm start`: migrate, seed when empty, build when any input of the build changed, serve on PORT (3000).
import { spawn } from "node:child_process";
import path from "node:path";
import { checkInstall } from "./lib/preflight";

const root = path.join(__dirname, "..");
const distDir = path.join(root, process.env.NEXT_DIST_DIR ?? ".next");

async function main(): Promise<void> {
  checkInstall("expo");
  // Loaded after the install check, as they need the generated Prisma client.
  const { serve } = await import("./lib/serve");
  const { nextBin, nextStartArgs } = await import("./lib/next-start");
  const { hashBuildInputs, rebuildReason, recordBuildInputs } = await import("./lib/build-inputs");
  const { StartupError } = await import("./lib/startup-error");
  await serve({
    mode: "production",
    async beforeStart(env) {
      const inputs = hashBuildInputs(root);
      const reason = rebuildReason(distDir, inputs);
      if (reason === null) return;
      console.log(`[expo] Building the app (next build) because ${reason}; this takes a minute or two`);
      const code = await new Promise<number>((resolve) => {
        const build = spawn(process.execPath, [nextBin(), "build"], { env, stdio: "inherit", cwd: root });
        build.once("error", () => resolve(1));
        build.once("close", (status) => resolve(status ?? 1));
      });
      if (code !== 0) throw new StartupError("next build failed (its errors are above): fix what it names and run npm start again.");
      recordBuildInputs(distDir, inputs);
    },
    nodeArgs: nextStartArgs,
  });
}

main().catch(async (error: unknown) => {
  const { exitWithStartupError } = await import("./lib/startup-error");
  exitWithStartupError("expo", error);
});
