import { NextRequest } from "next/server";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { headerReader } from "@/lib/auth/client-address";
import { refuseRateLimitedSignIn } from "@/lib/auth/credentials-sign-in-gate";
import { hashPassword } from "@/lib/auth/password";
import { prisma } from "@/lib/db";
import { resetUserData } from "../helpers/db";
import { createTestUser } from "../helpers/session";

// No trusted proxy (the default, as with `npm start`): X-Forwarded-For may be forged, and there is
// no other address a route handler can see, so the limit counts per email only.
delete process.env.TRUST_PROXY;

const PASSWORD = "correct horse battery";

async function attempt(email: string, password: string, headers: Record<string, string> = {}): Promise<number> {
  const request = new NextRequest("http://localhost:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ email, password, csrfToken: "irrelevant", json: "true" }).toString(),
  });
  const refused = await refuseRateLimitedSignIn(request);
  if (refused) return refused.status;
  return (await authorizeCredentials({ email, password }, headerReader(request.headers))) ? 200 : 401;
}

beforeEach(async () => {
  await resetUserData();
  await createTestUser({ email: "visitor@example.test", passwordHash: await hashPassword(PASSWORD) });
});

afterAll(async () => {
  await resetUserData();
});

test("two visitors without X-Forwarded-For do not block each other", async () => {
  const guesser: number[] = [];
  for (let i = 0; i < 6; i++) guesser.push(await attempt(`guess${i}@example.test`, "guess guess"));
  expect(guesser).toEqual([401, 401, 401, 401, 401, 401]);
  expect(await attempt("visitor@example.test", PASSWORD)).toEqual(200);
});

test("a forged X-Forwarded-For is ignored: nothing is counted per address", async () => {
  for (let i = 0; i < 5; i++) await attempt(`guess${i}@example.test`, "guess guess", { "x-forwarded-for": "203.0.113.7" });
  expect(await attempt("visitor@example.test", PASSWORD, { "x-forwarded-for": "203.0.113.7" })).toEqual(200);
  expect(await prisma.signInAttempt.count({ where: { key: { startsWith: "ip:" } } })).toEqual(0);
});

test("the per-email limit still holds: five failures, then 429 even with the right password", async () => {
  const results: number[] = [];
  for (let i = 0; i < 5; i++) results.push(await attempt("visitor@example.test", "wrong password"));
  results.push(await attempt("visitor@example.test", PASSWORD));
  expect(results).toEqual([401, 401, 401, 401, 401, 429]);
});
