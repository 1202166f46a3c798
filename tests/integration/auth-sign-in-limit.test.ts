import { NextRequest } from "next/server";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { headerReader } from "@/lib/auth/client-address";
import { hashPassword } from "@/lib/auth/password";
import { checkSignInLimit, recordFailedSignIn, SIGN_IN_WINDOW_MS } from "@/lib/auth/sign-in-limit";
import { prisma } from "@/lib/db";
import { resetUserData } from "../helpers/db";
import { createTestUser } from "../helpers/session";

const PASSWORD = "correct horse battery";

function fromAddress(address: string) {
  return headerReader(new Headers({ "x-forwarded-for": `${address}, 10.0.0.1` }));
}

function credentialsCallback(email: string, password: string, address: string): NextRequest {
  return new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": address },
    body: new URLSearchParams({ email, password, csrfToken: "irrelevant", json: "true" }).toString(),
  });
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
    for (let i = 0; i < 5; i++) {
      expect(await authorizeCredentials({ email: "visitor@example.test", password: "wrong password" }, fromAddress(`198.51.100.${i}`))).toEqual(null);
    }
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

  test("four failures still allow a sign-in, and success clears the email's count", async () => {
    for (let i = 0; i < 4; i++) await authorizeCredentials({ email: "visitor@example.test", password: "nope nope nope" }, fromAddress(`198.51.100.${i}`));
    expect(await checkSignInLimit({ email: "visitor@example.test", address: "198.51.100.200" })).toEqual({ limited: false });
    const user = await authorizeCredentials({ email: "visitor@example.test", password: PASSWORD }, fromAddress("198.51.100.200"));
    expect(user?.email).toEqual("visitor@example.test");
    expect(await prisma.signInAttempt.count({ where: { key: "email:visitor@example.test" } })).toEqual(0);
  });

  test("failures for an unknown email are counted the same way", async () => {
    for (let i = 0; i < 5; i++) await authorizeCredentials({ email: "nobody@example.test", password: "whatever123" }, fromAddress(`192.0.2.${i}`));
    expect((await checkSignInLimit({ email: "nobody@example.test", address: "192.0.2.100" })).limited).toEqual(true);
  });
});

describe("failed sign-ins per address", () => {
  test("five failures from one address with different emails limit that address for every email", async () => {
    for (let i = 0; i < 5; i++) await authorizeCredentials({ email: `guess${i}@example.test`, password: "guess guess" }, fromAddress("203.0.113.7"));
    const response = await POST(credentialsCallback("visitor@example.test", PASSWORD, "203.0.113.7"), context);
    expect(response.status).toEqual(429);
    expect(await checkSignInLimit({ email: "visitor@example.test", address: "203.0.113.8" })).toEqual({ limited: false });
  });
});

describe("the window", () => {
  test("failures older than 15 minutes no longer count, and Retry-After is when the fifth-newest leaves the window", async () => {
    const now = new Date("2017-08-14T12:00:00Z");
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await recordFailedSignIn({ email: "visitor@example.test", address: "a" }, minutesAgo(20));
    for (const minutes of [14, 10, 5, 2]) await recordFailedSignIn({ email: "visitor@example.test", address: "b" }, minutesAgo(minutes));
    // Recording prunes rows older than the window, relative to each recording's own time.
    expect(await checkSignInLimit({ email: "visitor@example.test", address: "c" }, now)).toEqual({ limited: false });
    await recordFailedSignIn({ email: "visitor@example.test", address: "d" }, minutesAgo(1));
    expect(await checkSignInLimit({ email: "visitor@example.test", address: "c" }, now)).toEqual({ limited: true, retryAfterSeconds: 60 });
    expect(await checkSignInLimit({ email: "visitor@example.test", address: "c" }, new Date(minutesAgo(14).getTime() + SIGN_IN_WINDOW_MS))).toEqual({
      limited: false,
    });
  });

  test("the count lives in PostgreSQL (SignInAttempt), shared by every app instance", async () => {
    await recordFailedSignIn({ email: "Visitor@Example.test", address: "203.0.113.9" });
    const rows = await prisma.signInAttempt.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(rows).toEqual([{ key: "email:visitor@example.test" }, { key: "ip:203.0.113.9" }]);
  });
});
