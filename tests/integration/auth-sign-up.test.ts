import { POST } from "@/app/api/auth/signup/route";
import { authorizeCredentials } from "@/lib/auth/passwords";
import { prisma } from "@/lib/db";
import { resetUserData } from "../helpers/db";

async function signUp(body: unknown, origin?: string) {
  const headers: Record<string, string> = { host: "localhost:3000", "content-type": "application/json" };
  headers.origin = origin ?? "http://localhost:3000";
  const response = await POST(
    new Request("http://localhost:3000/api/auth/signup", {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  return { status: response.status, body: await response.json() };
}

const noHeaders = undefined;
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

  test("a NUL or another control character in the name or the email is 400 naming the field, never a 500", async () => {
    const results = [
      await signUp({ name: "Ai\u0000gerim", email: "nul@example.test", password: "a long password" }),
      await signUp({ name: "Aigerim", email: "nul\u0000@example.test", password: "a long password" }),
      await signUp({ name: "Ai\ngerim", email: "newline@example.test", password: "a long password" }),
    ];
    expect(results).toEqual([
      { status: 400, body: { error: "The sign-up details are not valid.", details: [{ parameter: "name", message: "must not contain control, line-separator or text-direction characters" }] } },
      { status: 400, body: { error: "The sign-up details are not valid.", details: [{ parameter: "email", message: "must not contain control characters" }] } },
      { status: 400, body: { error: "The sign-up details are not valid.", details: [{ parameter: "name", message: "must not contain control, line-separator or text-direction characters" }] } },
    ]);
    expect(await prisma.user.count()).toEqual(0);
  });

  test("a body over 64 KiB is 413 naming the limit, and no account is made", async () => {
    expect(await signUp({ name: "A", email: "big@example.test", password: "long enough!", padding: "x".repeat(70_000) })).toEqual({
      status: 413,
      body: { error: "The request body is too large (limit 64 KiB).", details: [{ parameter: "body", message: "must be at most 65,536 bytes" }] },
    });
    expect(await prisma.user.count()).toEqual(0);
  });

  test("an eleventh sign-up for one email within 15 minutes is 429 with Retry-After, whether or not the first made the account", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signUp({ name: "Probe", email: "probe@example.test", password: `password number ${i}` })).status);
    expect(statuses).toEqual(Array(10).fill(201));
    const response = await POST(
      new Request("http://localhost:3000/api/auth/signup", {
        method: "POST",
        headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json" },
        body: JSON.stringify({ name: "Probe", email: "Probe@Example.test", password: "one more password" }),
      }),
    );
    const retryAfter = Number(response.headers.get("retry-after"));
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 429,
      body: { error: "Too many sign-ups. Try again in 15 minutes.", retryAfterSeconds: retryAfter },
    });
    expect(retryAfter > 14 * 60 && retryAfter <= 15 * 60).toEqual(true);
    // Another email is not affected: without a trusted proxy the limit counts per email only.
    expect((await signUp({ name: "Other", email: "other@example.test", password: "a long password" })).status).toEqual(201);
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
      sessionVersion: 0,
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

describe("sign-up refuses what others could abuse", () => {
  test.each(["password12", "qwertyuiop", "iloveyou12", "          ", "1234567890"])("a common or easily guessed password (%j) is 400 naming password", async (password) => {
    expect(await signUp({ name: "A", email: "weak@example.test", password })).toEqual({
      status: 400,
      body: { error: "The sign-up details are not valid.", details: [{ parameter: "password", message: "is too common or too easy to guess" }] },
    });
    expect(await prisma.user.count()).toEqual(0);
  });

  test.each([["bidi override", "Ali\u202Ece"], ["line separator", "Ali\u2028ce"], ["isolate", "\u2066Alice\u2069"]])("a name with a %s is 400 naming name", async (_kind, name) => {
    expect((await signUp({ name, email: "bidi@example.test", password: "a long password" })).body.details).toEqual([
      { parameter: "name", message: "must not contain control, line-separator or text-direction characters" },
    ]);
  });
});

describe("sign-up answers alike for new and registered emails", () => {
  // signUp does the same work for both (one zxcvbn check, one argon2 hash, one INSERT … ON
  // CONFLICT DO NOTHING); timings vary with the machine, so they are printed, not asserted.
  test("new and registered emails get the same answer and the registered account is untouched; median timings are printed", async () => {
    await signUp({ name: "Owner", email: "owner@example.test", password: "owner's password" });
    const statements: string[] = [];
    const timings: { fresh: number[]; taken: number[] } = { fresh: [], taken: [] };
    for (let i = 0; i < 5; i++) {
      let started = performance.now();
      const fresh = await signUp({ name: "New", email: `new${i}@example.test`, password: "a long password" });
      timings.fresh.push(performance.now() - started);
      started = performance.now();
      const taken = await signUp({ name: "Again", email: "owner@example.test", password: "a long password" });
      timings.taken.push(performance.now() - started);
      statements.push(`${fresh.status}/${taken.status}`);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    console.info(`[sign-up timing] median new ${median(timings.fresh).toFixed(1)} ms, registered ${median(timings.taken).toFixed(1)} ms`);
    expect(statements).toEqual(Array(5).fill("201/201"));
    // The owner's account is untouched by the five attempts.
    expect(await prisma.user.count({ where: { email: "owner@example.test", name: "Owner" } })).toEqual(1);
  });
});
