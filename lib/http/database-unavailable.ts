// The one place that decides "the database is away" (stopped, restarting, unreachable, out of
// connections) and turns it into 503 + Retry-After instead of Next's bare 500. Every route handler
// that reads the database is wrapped in `withDatabase`; errors that are not about the database's
// availability (bugs) are rethrown unchanged, so they still surface as 500 with a logged stack.

import { noteDatabaseUnavailable } from "./database-outage";

/** Seconds a client should wait before retrying; a restarting PostgreSQL is usually back within this. */
export const RETRY_AFTER_SECONDS = 5;

// Prisma's connection-level codes: can't reach, timed out, closed, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// Kinds reported by @prisma/adapter-pg's DriverAdapterError when the socket, not the SQL, failed.
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
// Node socket errors and PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01–03 (shutting
// down, crashed, starting up), 53300 (too many connections).
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH"]);
const PG_STATE = /^(08...|57P0[123]|53300)$/;
const MESSAGES = /connection terminated|connection (was )?closed|can't reach database|timeout exceeded when trying to connect|the database system is (starting up|shutting down)/i;

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** Whether `error` (or anything it wraps) says the database could not be used at all. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const code = fieldOf(error, "code");
  if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || PG_STATE.test(code))) return true;
  const kind = fieldOf(error, "kind");
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
  const message = fieldOf(error, "message");
  if (typeof message === "string" && MESSAGES.test(message)) return true;
  const adapterError = fieldOf(fieldOf(error, "meta"), "driverAdapterError");
  return [fieldOf(error, "cause"), adapterError, fieldOf(error, "originalError")].some((inner) =>
    isDatabaseUnavailable(inner, depth + 1),
  );
}

/** 503 in the app's one error shape; never cached, so the next try reaches the server. */
export function databaseUnavailableResponse(): Response {
  return Response.json(
    { error: "The schedule's database is briefly unavailable. Try again in a few seconds." },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

/** Wraps a route handler: a database outage answers 503 instead of 500. */
export function withDatabase<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args: Args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      noteDatabaseUnavailable();
      return databaseUnavailableResponse();
    }
  };
}
