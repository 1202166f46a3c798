import { encode } from "next-auth/jwt";
import { GET } from "@/app/api/itinerary/route";
import { dropUnprovenPassword, expoAdapter } from "@/lib/auth/auth-options";
import { authorizeCredentials, hashPassword } from "@/lib/auth/passwords";
import { sessionCookieName } from "@/lib/auth/secret";
import { prisma } from "@/lib/db";
import { resetUserData } from "../helpers/db";
import { createTestUser } from "../helpers/session";

// Someone signs up with another person's email and a password of their own; the owner of the
// email later signs in by magic link, which next-auth links to that account by email.
const ATTACKER_PASSWORD = "attacker's password";
const noHeaders = undefined;

beforeEach(async () => {
  await resetUserData();
});

afterAll(async () => {
  await resetUserData();
});

async function account(email: string, emailVerified: Date | null) {
  const user = await createTestUser({ email, passwordHash: await hashPassword(ATTACKER_PASSWORD) });
  if (emailVerified) await prisma.user.update({ where: { id: user.id }, data: { emailVerified } });
  return user;
}

async function cookieFor(userId: string, claims: Record<string, unknown>): Promise<string> {
  const token = await encode({ token: { sub: userId, role: "VISITOR", ...claims }, secret: process.env.NEXTAUTH_SECRET as string });
  return `${sessionCookieName()}=${token}`;
}

async function itineraryStatus(cookie: string): Promise<number> {
  return (await GET(new Request("http://localhost:3000/api/itinerary", { headers: { cookie } }))).status;
}

test("a magic-link sign-in (the adapter setting emailVerified) drops a password set before the email was proven", async () => {
  const user = await account("victim@example.test", null);
  const verifiedAt = new Date();
  // What next-auth's email callback calls once the link's token has been used.
  await expoAdapter().updateUser!({ id: user.id, emailVerified: verifiedAt });
  expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true, emailVerified: true } })).toEqual({
    passwordHash: null,
    emailVerified: verifiedAt,
  });
  expect(await authorizeCredentials({ email: "victim@example.test", password: ATTACKER_PASSWORD }, noHeaders)).toEqual(null);
});

test("a password on an account whose email was already proven is kept", async () => {
  const user = await account("owner@example.test", new Date("2017-06-01T00:00:00Z"));
  expect(await dropUnprovenPassword(user.id)).toEqual(false);
  await expoAdapter().updateUser!({ id: user.id, emailVerified: new Date() });
  expect((await authorizeCredentials({ email: "owner@example.test", password: ATTACKER_PASSWORD }, noHeaders))?.id).toEqual(user.id);
});

test("other updates of the user leave the password alone", async () => {
  const user = await account("unverified@example.test", null);
  await expoAdapter().updateUser!({ id: user.id, name: "New name" });
  expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } })).passwordHash).not.toEqual(null);
});

test("a password session from before the proof stops working; sessions after it, and by link, keep working", async () => {
  const user = await account("victim@example.test", null);
  const before = Math.floor(Date.now() / 1000) - 60;
  const attackerCookie = await cookieFor(user.id, { method: "credentials", signedInAt: before });
  const ownerEarlierLinkCookie = await cookieFor(user.id, { method: "email", signedInAt: before });
  expect(await itineraryStatus(attackerCookie)).toEqual(200);

  await expoAdapter().updateUser!({ id: user.id, emailVerified: new Date() });
  const ownerCookie = await cookieFor(user.id, { method: "email", signedInAt: Math.floor(Date.now() / 1000) });
  expect([await itineraryStatus(attackerCookie), await itineraryStatus(ownerCookie), await itineraryStatus(ownerEarlierLinkCookie)]).toEqual([
    401, 200, 200,
  ]);
});
