import { NextRequest } from "next/server";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { headerReader } from "@/lib/auth/client-address";
import { refuseRateLimitedSignIn } from "@/lib/auth/credentials-sign-in-gate";
import { hashPassword } from "@/lib/auth/password";
import { beginSignInAttempt, checkSignInLimit, SIGN_IN_WINDOW_MS } from "@/lib/auth/sign-in-limit";
import { prisma } from "@/lib/db";
import { resetUserData } from "../helpers/db";
import { createTestUser } from "../helpers/session";

// This file runs behind a trusted proxy: the address is the first X-Forwarded-For entry.
// tests/integration/auth-sign-in-limit-untrusted.test.ts covers TRUST_PROXY unset. getEnv() reads
// the environment on first use, after this line (each test file has its own modules).
process.env.TRUST_PROXY = "true";

const PASSWORD = "correct horse battery";

function credentialsCallback(email: string, password: string, address: string): NextRequest {
  return new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": `${address}, 10.0.0.1` },
    body: new URLSearchParams({ email, password, csrfToken: "irrelevant", json: "true" }).toString(),
  });
}

/**
 * One sign-in as app/api/auth/[...nextauth]/route.ts runs it: the gate, then next-auth's call of
 * authorize. 429 from the gate, otherwise 200 or 401 from the password check.
 */
async function attempt(email: string, password: string, address: string): Promise<number> {
  const request = credentialsCallback(email, password, address);
  const refused = await refuseRateLimitedSignIn(request);
  if (refused) return refused.status;
  const user = await authorizeCredentials({ email, password }, headerReader(request.headers));
  return user ? 200 : 401;
}

const context = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };

beforeEach(async () => {
  await resetUserData();
  await createTestUser({ email: "visitor@example.test", passwordHash: await hashPassword(PASSWORD) });
});

afterAll(async () => {
  await resetUserData();
});

describe("failed sign-ins per email", () => {
  test("five wrong passwords for one email make the next attempt 429 with Retry-After, even with the right password", async () => {
    const results: number[] = [];
    for (let i = 0; i < 5; i++) results.push(await attempt("visitor@example.test", "wrong password", `198.51.100.${i}`));
    expect(results).toEqual([401, 401, 401, 401, 401]);
    const response = await POST(credentialsCallback("Visitor@Example.test", PASSWORD, "198.51.100.99"), context);
    expect(response.status).toEqual(429);
    const retryAfter = Number(response.headers.get("retry-after"));
    expect(retryAfter > 14 * 60 && retryAfter <= 15 * 60).toEqual(true);
    const body = await response.json();
    expect(body).toEqual({
      error: "Too many failed sign-ins. Try again in 15 minutes.",
      retryAfterSeconds: retryAfter,
      url: `http://localhost:3000/signin?error=TooManyAttempts&retryAfter=${retryAfter}`,
    });
  });

  test("four failures still allow a sign-in, and success clears the email's count and its own attempt", async () => {
    for (let i = 0; i < 4; i++) await attempt("visitor@example.test", "nope nope nope", `198.51.100.${i}`);
    expect(await attempt("visitor@example.test", PASSWORD, "198.51.100.200")).toEqual(200);
    const keys = await prisma.signInAttempt.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(keys).toEqual([{ key: "ip:198.51.100.0" }, { key: "ip:198.51.100.1" }, { key: "ip:198.51.100.2" }, { key: "ip:198.51.100.3" }]);
  });

  test("failures for an unknown email are counted the same way", async () => {
    for (let i = 0; i < 5; i++) await attempt("nobody@example.test", "whatever123", `192.0.2.${i}`);
    expect((await checkSignInLimit({ email: "nobody@example.test", address: "192.0.2.100" })).limited).toEqual(true);
  });

  test("ten parallel wrong passwords: five are evaluated, the other five get 429", async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => attempt("visitor@example.test", `wrong password ${i}`, `198.51.100.${i}`)),
    );
    expect(results.sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect(await prisma.signInAttempt.count({ where: { key: "email:visitor@example.test" } })).toEqual(5);
  });

  test("an email with a NUL byte is no email: no 500, and only the address is counted", async () => {
    expect(await attempt("visitor\u0000@example.test", PASSWORD, "198.51.100.50")).toEqual(401);
    expect(await prisma.signInAttempt.findMany({ select: { key: true } })).toEqual([{ key: "ip:198.51.100.50" }]);
  });
});

describe("failed sign-ins per address", () => {
  test("five failures from one address with different emails limit that address for every email", async () => {
    for (let i = 0; i < 5; i++) await attempt(`guess${i}@example.test`, "guess guess", "203.0.113.7");
    const response = await POST(credentialsCallback("visitor@example.test", PASSWORD, "203.0.113.7"), context);
    expect(response.status).toEqual(429);
    expect(await attempt("visitor@example.test", PASSWORD, "203.0.113.8")).toEqual(200);
  });

  test("ten parallel attempts from one address with different emails: five are evaluated", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => attempt(`guess${i}@example.test`, "guess guess", "203.0.113.9")));
    expect(results.sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
  });
});

describe("the window", () => {
  test("attempts older than 15 minutes no longer count, and Retry-After is when the fifth-newest leaves the window", async () => {
    const now = new Date("2017-08-14T12:00:00Z");
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await beginSignInAttempt({ email: "visitor@example.test", address: "a" }, minutesAgo(20));
    for (const minutes of [14, 10, 5, 2]) await beginSignInAttempt({ email: "visitor@example.test", address: "b" }, minutesAgo(minutes));
    // Counting prunes rows older than the window, relative to each attempt's own time.
    expect(await checkSignInLimit({ email: "visitor@example.test", address: "c" }, now)).toEqual({ limited: false });
    await beginSignInAttempt({ email: "visitor@example.test", address: "d" }, minutesAgo(1));
    expect(await checkSignInLimit({ email: "visitor@example.test", address: "c" }, now)).toEqual({ limited: true, retryAfterSeconds: 60 });
    expect(await checkSignInLimit({ email: "visitor@example.test", address: "c" }, new Date(minutesAgo(14).getTime() + SIGN_IN_WINDOW_MS))).toEqual({
      limited: false,
    });
  });

  test("the count lives in PostgreSQL (SignInAttempt), shared by every app instance", async () => {
    await beginSignInAttempt({ email: "Visitor@Example.test", address: "203.0.113.9" });
    const rows = await prisma.signInAttempt.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(rows).toEqual([{ key: "email:visitor@example.test" }, { key: "ip:203.0.113.9" }]);
  });
});
