import { POST } from "@/app/api/auth/signup/route";
import { authorizeCredentials } from "@/lib/auth/authorize-credentials";
import { prisma } from "@/lib/db";
import { resetUserData } from "../helpers/db";

async function signUp(body: unknown, origin?: string) {
  const headers: Record<string, string> = { host: "localhost:3000", "content-type": "application/json" };
  if (origin) headers.origin = origin;
  const response = await POST(
    new Request("http://localhost:3000/api/auth/signup", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: await response.json() };
}

const noHeaders = () => undefined;
const READY = { status: 201, body: { message: "Account ready: sign in with your email and password." } };

beforeEach(async () => {
  await resetUserData();
});

afterAll(async () => {
  await resetUserData();
});

describe("POST /api/auth/signup", () => {
  test("creates a visitor with an argon2id hash, never the password itself", async () => {
    expect(await signUp({ name: "Aigerim", email: "Aigerim@Example.test", password: "a long password" })).toEqual(READY);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "aigerim@example.test" },
      select: { name: true, role: true, passwordHash: true },
    });
    expect({ name: user.name, role: user.role, argon2id: user.passwordHash?.startsWith("$argon2id$") }).toEqual({
      name: "Aigerim",
      role: "VISITOR",
      argon2id: true,
    });
    expect(user.passwordHash).not.toContain("a long password");
  });

  test("a registered email gets the same answer and the account is unchanged", async () => {
    await signUp({ name: "First", email: "taken@example.test", password: "first password" });
    const before = await prisma.user.findUniqueOrThrow({ where: { email: "taken@example.test" }, select: { name: true, passwordHash: true } });
    expect(await signUp({ name: "Second", email: "taken@example.test", password: "second password" })).toEqual(READY);
    const after = await prisma.user.findUniqueOrThrow({ where: { email: "taken@example.test" }, select: { name: true, passwordHash: true } });
    expect(after).toEqual(before);
    expect(await authorizeCredentials({ email: "taken@example.test", password: "second password" }, noHeaders)).toEqual(null);
  });

  test("a password under 10 characters is 400 naming the field, and no account is made", async () => {
    expect(await signUp({ name: "A", email: "short@example.test", password: "123456789" })).toEqual({
      status: 400,
      body: { error: "The sign-up details are not valid.", details: [{ parameter: "password", message: "must be at least 10 characters" }] },
    });
    expect(await prisma.user.count()).toEqual(0);
  });

  test("a body that is not JSON is 400", async () => {
    expect((await signUp("{oops")).status).toEqual(400);
  });

  test("a request from another origin is 403", async () => {
    expect((await signUp({ name: "A", email: "x@example.test", password: "long enough!" }, "https://evil.example")).status).toEqual(403);
    expect(await prisma.user.count()).toEqual(0);
  });
});

describe("authorizeCredentials", () => {
  test("the right password signs in; a wrong one, an unknown email and a password-less account all give null", async () => {
    await signUp({ name: "Dana", email: "dana@example.test", password: "dana's password" });
    await prisma.user.create({ data: { email: "oauth-only@example.test", name: "OAuth" } });
    const dana = await prisma.user.findUniqueOrThrow({ where: { email: "dana@example.test" }, select: { id: true } });
    expect(await authorizeCredentials({ email: " DANA@example.test ", password: "dana's password" }, noHeaders)).toEqual({
      id: dana.id,
      email: "dana@example.test",
      name: "Dana",
      role: "VISITOR",
    });
    expect(
      await Promise.all([
        authorizeCredentials({ email: "dana@example.test", password: "wrong password" }, noHeaders),
        authorizeCredentials({ email: "nobody@example.test", password: "dana's password" }, noHeaders),
        authorizeCredentials({ email: "oauth-only@example.test", password: "anything at all" }, noHeaders),
        authorizeCredentials(undefined, noHeaders),
      ]),
    ).toEqual([null, null, null, null]);
  });
});
