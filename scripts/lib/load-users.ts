// Signed-in visitors for the load benchmark, made in bulk in SQL rather than through sign-up (which
// is rate limited and hashes a password per account): User rows from generate_series, and for each
// a session cookie minted exactly as next-auth's JWT strategy would (lib/auth/auth-options.ts puts
// sub, role, method, signedInAt and sessionVersion in the token; lib/auth/session.ts checks them
// against the row on every request).
import { encode } from "next-auth/jwt";
import { Client } from "pg";

export interface LoadUser {
  id: string;
  cookie: string;
}

// An hour is plenty for a benchmark; the cookie is never kept.
const COOKIE_MAX_AGE_SECONDS = 60 * 60;

/** `next-auth.session-token=…` for the user, valid for `secret` (no https in the benchmark). */
export async function sessionCookie(userId: string, secret: string): Promise<string> {
  const token = await encode({
    token: { sub: userId, role: "VISITOR", method: "credentials", signedInAt: Math.floor(Date.now() / 1000), sessionVersion: 0 },
    secret,
    maxAge: COOKIE_MAX_AGE_SECONDS,
  });
  return `next-auth.session-token=${token}`;
}

/** Inserts users `${prefix}-${from}` … `${prefix}-${to}` in one statement. */
export async function insertUsers(client: Client, prefix: string, from: number, to: number): Promise<void> {
  await client.query(
    `INSERT INTO "User" (id, name, email, "updatedAt")
     SELECT $1 || '-' || g, 'Load visitor ' || g, $1 || '-' || g || '@example.test', now()
     FROM generate_series($2::int, $3::int) AS g`,
    [prefix, from, to],
  );
}

/** `count` users made in SQL, each with a session cookie. */
export async function createLoadUsers(databaseUrl: string, secret: string, prefix: string, count: number): Promise<LoadUser[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await insertUsers(client, prefix, 1, count);
  } finally {
    await client.end();
  }
  const ids = Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);
  return Promise.all(ids.map(async (id) => ({ id, cookie: await sessionCookie(id, secret) })));
}
