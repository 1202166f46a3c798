import * as route from "@/app/api/auth/[...nextauth]/route";
import { hashPassword } from "@/lib/auth/passwords";
import { beginSignInAttempt, checkSignInLimit, MAX_FAILED_SIGN_INS_PER_ADDRESS, SIGN_IN_WINDOW_MS } from "@/lib/auth/sign-in-limit";
import { prisma } from "@/lib/db";
import { AuthBrowser } from "../helpers/auth-browser";
import { resetUserData } from "../helpers/db";
import { createTestUser } from "../helpers/session";

jest.mock("next/headers", () => jest.requireActual<typeof import("../helpers/auth-browser")>("../helpers/auth-browser").nextHeadersMock());

// Behind a trusted proxy: the address is the first X-Forwarded-For entry. getEnv() reads the
// environment on first use, after this line (each test file has its own modules).
process.env.TRUST_PROXY = "true";

const EMAIL = "visitor@example.test";
const PASSWORD = "correct horse battery";

const browser = (address = "198.51.100.1") => new AuthBrowser(route, { "x-forwarded-for": `${address}, 10.0.0.1` });

/** A credentials sign-in with any body and content type, with a fresh CSRF token. */
async function post(from: AuthBrowser, encode: (csrfToken: string) => { body: string; contentType: string }) {
  const { body, contentType } = encode(await from.csrfToken());
  return from.send("POST", "callback/credentials", { body, contentType });
}

const form = (fields: [string, string][]) => (csrfToken: string) => ({
  body: new URLSearchParams([...fields, ["csrfToken", csrfToken], ["json", "true"]]).toString(),
  contentType: "application/x-www-form-urlencoded",
});
const json = (fields: Record<string, unknown>) => (csrfToken: string) => ({
  body: JSON.stringify({ ...fields, csrfToken, json: "true" }),
  contentType: "application/json",
});

const failures = () => prisma.signInAttempt.count({ where: { key: `signin:email:${EMAIL}` } });

beforeEach(async () => {
  await resetUserData();
  await createTestUser({ email: EMAIL, passwordHash: await hashPassword(PASSWORD) });
});

afterAll(async () => {
  await resetUserData();
});

describe("one limit whatever the encoding", () => {
  test("form, JSON, a repeated field with a decoy first and a case-and-space variant all count for the account; the sixth is 429 even with the right password", async () => {
    const attacker = browser("203.0.113.5");
    const statuses = [
      (await post(attacker, form([["email", EMAIL], ["password", "wrong 1"]]))).status,
      (await post(attacker, json({ email: EMAIL, password: "wrong 2" }))).status,
      (await post(attacker, form([["email", "decoy@example.test"], ["email", EMAIL], ["password", "wrong 3"]]))).status,
      (await post(attacker, json({ email: "  VISITOR@Example.TEST ", password: "wrong 4" }))).status,
      (await post(attacker, form([["email", " Visitor@EXAMPLE.test"], ["password", "wrong 5"]]))).status,
    ];
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(await failures()).toEqual(5);
    const refused = await post(attacker, json({ email: EMAIL, password: PASSWORD }));
    expect(refused.status).toEqual(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter > 14 * 60 && retryAfter <= 15 * 60).toEqual(true);
    expect(refused.body).toEqual({
      error: "Too many failed sign-ins. Try again in 15 minutes.",
      retryAfterSeconds: retryAfter,
      url: `http://localhost:3000/signin?error=TooManyAttempts&retryAfter=${retryAfter}`,
    });
    expect((await post(attacker, form([["email", "decoy@example.test"], ["email", EMAIL], ["password", PASSWORD]]))).status).toEqual(429);
  });

  test("the right password signs in through next-auth (session cookie set) and takes back only its own attempt", async () => {
    const visitor = browser();
    await post(visitor, json({ email: EMAIL, password: "wrong once" }));
    const answer = await visitor.signIn(EMAIL, PASSWORD);
    expect(answer.status).toEqual(200);
    expect(visitor.sessionCookie()).toBeDefined();
    expect(await failures()).toEqual(1);
  });

  test("ten parallel wrong passwords: five reach the password check, five get 429", async () => {
    const attackers = Array.from({ length: 10 }, (_, i) => browser(`198.51.100.${i + 10}`));
    const tokens = await Promise.all(attackers.map((a) => a.csrfToken()));
    const results = await Promise.all(
      attackers.map((a, i) =>
        a.send("POST", "callback/credentials", { body: JSON.stringify({ email: EMAIL, password: `wrong ${i}`, csrfToken: tokens[i], json: "true" }), contentType: "application/json" }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429]);
    expect(await failures()).toEqual(5);
  });

  test("an email that is not one (NUL, an array) is never counted and never reaches the password check", async () => {
    const visitor = browser();
    expect((await post(visitor, json({ email: [EMAIL], password: PASSWORD }))).status).toEqual(401);
    expect((await post(visitor, form([["email", "visitor\u0000@example.test"], ["password", PASSWORD]]))).status).toEqual(401);
    expect(await prisma.signInAttempt.count()).toEqual(0);
  });
});

describe("the owner is not locked out by strangers (known device)", () => {
  test("after a stranger's five failures, the owner still signs in from a browser that signed in before; a new browser gets 429", async () => {
    const owner = browser("192.0.2.1");
    expect((await owner.signIn(EMAIL, PASSWORD)).status).toEqual(200);
    expect([...owner.jar.keys()]).toContain("expo.known-device");
    await owner.signOut();

    const stranger = browser("203.0.113.9");
    for (let i = 0; i < 5; i++) expect((await stranger.signIn(EMAIL, `guess ${i}`)).status).toEqual(401);
    expect((await stranger.signIn(EMAIL, PASSWORD)).status).toEqual(429);

    expect((await owner.signIn(EMAIL, PASSWORD)).status).toEqual(200);
    expect(owner.sessionCookie()).toBeDefined();
    expect((await browser("192.0.2.1").signIn(EMAIL, PASSWORD)).status).toEqual(429);
  });

  test("a known device has five failures of its own; a copied device cookie for another email counts as a stranger", async () => {
    const owner = browser();
    await owner.signIn(EMAIL, PASSWORD);
    for (let i = 0; i < 5; i++) expect((await owner.signIn(EMAIL, `typo ${i}`)).status).toEqual(401);
    expect((await owner.signIn(EMAIL, PASSWORD)).status).toEqual(429);
    expect(await failures()).toEqual(0);

    await createTestUser({ email: "other@example.test", passwordHash: await hashPassword(PASSWORD) });
    await owner.signIn("other@example.test", "wrong other");
    expect(await prisma.signInAttempt.count({ where: { key: "signin:email:other@example.test" } })).toEqual(1);
  });
});

describe("per address and overall", () => {
  test(`${MAX_FAILED_SIGN_INS_PER_ADDRESS} failures from one address across many emails limit that address (one password sprayed over many accounts)`, async () => {
    const sprayer = browser("203.0.113.77");
    for (let i = 0; i < MAX_FAILED_SIGN_INS_PER_ADDRESS; i++) {
      await beginSignInAttempt({ email: `guess${i}@example.test`, deviceId: null, address: "203.0.113.77" });
    }
    expect((await sprayer.signIn("someone-else@example.test", "Password123!")).status).toEqual(429);
    expect((await browser("203.0.113.78").signIn(EMAIL, PASSWORD)).status).toEqual(200);
  });

  test("every stranger's failure also counts overall", async () => {
    await browser().signIn(EMAIL, "wrong");
    const rows = await prisma.signInAttempt.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(rows).toEqual([{ key: "signin:all" }, { key: `signin:email:${EMAIL}` }, { key: "signin:ip:198.51.100.1" }]);
  });
});

describe("the window", () => {
  test("attempts older than 15 minutes no longer count, and Retry-After is when the fifth-newest leaves the window", async () => {
    const now = new Date("2017-08-14T12:00:00Z");
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const source = (address: string) => ({ email: EMAIL, deviceId: null, address });
    await beginSignInAttempt(source("a"), minutesAgo(20));
    for (const minutes of [14, 10, 5, 2]) await beginSignInAttempt(source("b"), minutesAgo(minutes));
    expect(await checkSignInLimit(source("c"), now)).toEqual({ limited: false });
    await beginSignInAttempt(source("d"), minutesAgo(1));
    expect(await checkSignInLimit(source("c"), now)).toEqual({ limited: true, retryAfterSeconds: 60 });
    expect(await checkSignInLimit(source("c"), new Date(minutesAgo(14).getTime() + SIGN_IN_WINDOW_MS))).toEqual({ limited: false });
  });
});

describe("magic-link requests", () => {
  test("three links per email per window, then 429", async () => {
    const visitor = browser();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const csrfToken = await visitor.csrfToken();
      const answer = await visitor.send("POST", "signin/email", {
        body: new URLSearchParams({ email: EMAIL, csrfToken, json: "true" }).toString(),
        contentType: "application/x-www-form-urlencoded",
      });
      statuses.push(answer.status);
    }
    expect(statuses.slice(3)).toEqual([429]);
    expect(await prisma.signInAttempt.count({ where: { key: `magic:email:${EMAIL}` } })).toEqual(3);
  });
});
