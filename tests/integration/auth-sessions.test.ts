import { encode } from "next-auth/jwt";
import * as route from "@/app/api/auth/[...nextauth]/route";
import { hashPassword } from "@/lib/auth/passwords";
import { sessionCookieName } from "@/lib/auth/secret";
import { endAllSessions, getRequestUser, requireAdmin, SESSION_ABSOLUTE_LIFETIME_SECONDS } from "@/lib/auth/session";
import { prisma } from "@/lib/db";
import { AuthBrowser } from "../helpers/auth-browser";
import { resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor } from "../helpers/session";

jest.mock("next/headers", () => jest.requireActual<typeof import("../helpers/auth-browser")>("../helpers/auth-browser").nextHeadersMock());

const EMAIL = "visitor@example.test";
const PASSWORD = "correct horse battery";

const apiRequest = (cookie: string | undefined) =>
  new Request("http://localhost:3000/api/itinerary", { headers: cookie ? { cookie } : {} });

async function signedInBrowser(): Promise<{ browser: AuthBrowser; cookie: string }> {
  const browser = new AuthBrowser(route);
  expect((await browser.signIn(EMAIL, PASSWORD)).status).toEqual(200);
  return { browser, cookie: browser.sessionCookie()! };
}

/** GET /api/auth/session with only this cookie: the answer and whether a fresh session cookie came back. */
async function renew(cookie: string) {
  const thief = new AuthBrowser(route);
  const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
  thief.jar.set(name, value);
  const answer = await thief.send("GET", "session");
  return { body: answer.body, renewed: thief.sessionCookie() !== undefined };
}

beforeEach(async () => {
  await resetUserData();
  await createTestUser({ email: EMAIL, passwordHash: await hashPassword(PASSWORD) });
});

afterAll(async () => {
  await resetUserData();
});

describe("sign-out ends the session", () => {
  test("a copy of the cookie taken before sign-out no longer reads the itinerary, and /api/auth/session does not renew it", async () => {
    const { browser, cookie } = await signedInBrowser();
    expect((await getRequestUser(apiRequest(cookie)))?.email).toEqual(EMAIL);
    expect((await renew(cookie)).renewed).toEqual(true);

    await browser.signOut();

    expect(await getRequestUser(apiRequest(cookie))).toEqual(null);
    expect(await renew(cookie)).toEqual({ body: {}, renewed: false });
    // A new sign-in works as before.
    const again = await signedInBrowser();
    expect((await getRequestUser(apiRequest(again.cookie)))?.email).toEqual(EMAIL);
  });

  test("a password change or an admin's action (endAllSessions) ends every session issued before", async () => {
    const first = await signedInBrowser();
    const second = await signedInBrowser();
    const user = await prisma.user.findUniqueOrThrow({ where: { email: EMAIL }, select: { id: true } });
    await endAllSessions(user.id);
    expect([await getRequestUser(apiRequest(first.cookie)), await getRequestUser(apiRequest(second.cookie))]).toEqual([null, null]);
  });
});

describe("absolute lifetime", () => {
  async function cookieSignedInSecondsAgo(userId: string, seconds: number): Promise<string> {
    // A token next-auth has renewed all along: fresh exp, but the original sign-in time.
    const token = await encode({
      token: { sub: userId, role: "VISITOR", method: "credentials", signedInAt: Math.floor(Date.now() / 1000) - seconds, sessionVersion: 0 },
      secret: process.env.NEXTAUTH_SECRET as string,
    });
    return `${sessionCookieName()}=${token}`;
  }

  test("a session signed in longer ago than the absolute lifetime is over, however recently it was renewed", async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { email: EMAIL }, select: { id: true } });
    const young = await cookieSignedInSecondsAgo(user.id, SESSION_ABSOLUTE_LIFETIME_SECONDS - 60);
    const old = await cookieSignedInSecondsAgo(user.id, SESSION_ABSOLUTE_LIFETIME_SECONDS + 60);
    expect((await getRequestUser(apiRequest(young)))?.id).toEqual(user.id);
    expect(await getRequestUser(apiRequest(old))).toEqual(null);
    expect(await renew(old)).toEqual({ body: {}, renewed: false });
  });
});

describe("reading the session with next-auth's getToken", () => {
  test("a session split over chunked cookies (.0, .1) is read like a single one", async () => {
    const user = await createTestUser({ email: "chunks@example.test" });
    const [name, value] = (await sessionCookieFor(user)).split("=");
    const half = Math.ceil(value.length / 2);
    const chunked = `${name}.0=${value.slice(0, half)}; ${name}.1=${value.slice(half)}`;
    expect((await getRequestUser(apiRequest(chunked)))?.id).toEqual(user.id);
  });

  test("a tampered or foreign cookie is no session", async () => {
    expect(await getRequestUser(apiRequest(`${sessionCookieName()}=not-a-jwt`))).toEqual(null);
    expect(await getRequestUser(apiRequest(undefined))).toEqual(null);
  });
});

describe("requireAdmin for route handlers", () => {
  test("401 signed out, 403 for a visitor, the user for an admin", async () => {
    const visitor = await createTestUser({ role: "VISITOR" });
    const admin = await createTestUser({ role: "ADMIN" });
    const outcome = async (cookie: string | undefined) => {
      const result = await requireAdmin(apiRequest(cookie));
      return result.ok ? result.user.id : result.response.status;
    };
    expect([await outcome(undefined), await outcome(await sessionCookieFor(visitor)), await outcome(await sessionCookieFor(admin))]).toEqual([
      401,
      403,
      admin.id,
    ]);
  });
});
