// Shared by `npm start` and `npm run dev`: database, environment, then Next.js as a child process
// that is stopped with the database on exit or Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { parseEnv } from "../../lib/env";
import { localNextAuthSecret } from "./dev-secret";
import { openLocalDatabase, prepareDatabase, type LocalDatabase } from "./local-database";
import { isPortFree } from "./ports";
import { describeStartupError, exitWithStartupError } from "./startup-error";

const log = (line: string) => console.log(`[expo] ${line}`);

function fail(message: string): never {
  console.error(`[expo] ${message}`);
  process.exit(1);
}

export async function serve(options: {
  mode: "production" | "development";
  beforeStart?: (env: NodeJS.ProcessEnv) => Promise<void>;
  /** The arguments after `node`: nextStartArgs, or Next's dev server's. */
  nodeArgs: (port: number) => string[];
}): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number, not "${process.env.PORT}"`);
  if (!(await isPortFree(port))) {
    fail(`Port ${port} is already in use. Stop whatever is listening there or choose another: PORT=3001 npm start`);
  }

  let database: LocalDatabase;
  try {
    database = await openLocalDatabase({ log });
  } catch (error) {
    exitWithStartupError("expo", error);
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: options.mode,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
  };
  if (database.embedded && !env.NEXTAUTH_SECRET) env.NEXTAUTH_SECRET = localNextAuthSecret();
  env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const running: { child?: ChildProcess } = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = running.child;
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    parseEnv(env);
    await prepareDatabase(database.url, log);
    await options.beforeStart?.(env);
  } catch (error) {
    console.error(`[expo] ${describeStartupError(error)}`);
    await shutdown(1);
    return;
  }

  log(`Serving http://localhost:${port}`);
  running.child = spawn(process.execPath, options.nodeArgs(port), { env, stdio: "inherit" });
  running.child.on("error", (error) => {
    console.error(`[expo] Next.js could not be started (${error.message}): reinstall with npm ci.`);
    void shutdown(1);
  });
  running.child.on("exit", (code) => void shutdown(code ?? 0));
}
