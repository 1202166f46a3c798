// Every way start-up can fail ends as one line naming the problem and what to do, and exit status 1
// (issue 14): a newcomer reads a sentence, not a stack trace or an unhandled 'error' event.
import { EnvError } from "../../lib/env";

/** A failure whose message is already the one line to show: the problem, then what to do. */
export class StartupError extends Error {}

function connectionProblem(error: NodeJS.ErrnoException & { address?: string; port?: number }): string | null {
  const where = error.address ? `${error.address}${error.port ? `:${error.port}` : ""}` : "the database server";
  switch (error.code) {
    case "ECONNREFUSED":
      return `The database at ${where} does not answer (connection refused): start it, or correct DATABASE_URL.`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `The database host in DATABASE_URL cannot be found (${error.code}): correct DATABASE_URL.`;
    case "ETIMEDOUT":
      return `The database at ${where} does not answer (timed out): check that it runs and DATABASE_URL is right.`;
    case "28P01":
    case "28000":
      return `The database refused the user or password in DATABASE_URL (${error.message.trim()}): correct DATABASE_URL.`;
    case "3D000":
      return `The database named in DATABASE_URL does not exist (${error.message.trim()}): create it or correct DATABASE_URL.`;
    default:
      return null;
  }
}

/** The one line for any error thrown during start-up. */
export function describeStartupError(error: unknown): string {
  if (error instanceof StartupError || error instanceof EnvError) return error.message;
  if (error instanceof Error) {
    const known = connectionProblem(error as NodeJS.ErrnoException);
    if (known) return known;
    if (/connection timeout|Connection terminated/i.test(error.message)) {
      return "The database does not answer (connection timed out): check that it runs and DATABASE_URL is right.";
    }
    const firstLine = error.message.split("\n").find((line) => line.trim() !== "") ?? error.name;
    return `Start-up failed: ${firstLine.trim()}. Run again; if it repeats, see "Troubleshooting start-up" in README.md.`;
  }
  return `Start-up failed: ${String(error)}. Run again; if it repeats, see "Troubleshooting start-up" in README.md.`;
}

/** Prints the one line for a start-up failure and exits with status 1. */
export function exitWithStartupError(prefix: string, error: unknown): never {
  console.error(`[${prefix}] ${describeStartupError(error)}`);
  process.exit(1);
}
