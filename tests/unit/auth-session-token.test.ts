import { decode, encode, getToken } from "next-auth/jwt";
import { decodeSessionJwt, readSessionClaims } from "@/lib/auth/session-token";

// lib/auth/session-token.ts must read exactly what next-auth's own getToken/decode read: the same
// claims for tokens next-auth's encode made, and null wherever next-auth gives null.

const SECRET = "a-test-secret-of-more-than-thirty-two-characters";
const OTHER_SECRET = "another-secret-of-more-than-thirty-two-characters";
const CLAIMS = { sub: "user-1", role: "VISITOR", method: "credentials", signedInAt: 1_700_000_000, sessionVersion: 3, name: "Ann" };

const cookie = (token: string, name = "next-auth.session-token") => `${name}=${token}`;

/** next-auth's own getToken on the same cookie header (as Next's RequestCookies would give it). */
async function nextAuthReads(cookieHeader: string, secureCookie = false, authorization?: string) {
  const { parseCookie } = await import("next/dist/compiled/@edge-runtime/cookies");
  const req = { cookies: parseCookie(cookieHeader), headers: authorization ? { authorization } : {} };
  return getToken({ req: req as unknown as Parameters<typeof getToken>[0]["req"], secret: SECRET, secureCookie });
}

describe("decodeSessionJwt", () => {
  test("gives the same claims as next-auth's decode for a token from next-auth's encode", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET });
    const ours = await decodeSessionJwt({ token, secret: SECRET });
    expect(ours).toEqual(await decode({ token, secret: SECRET }));
    expect(ours).toMatchObject(CLAIMS);
  });

  test("throws where next-auth's decode throws: expired, tampered, another secret", async () => {
    const expired = await encode({ token: CLAIMS, secret: SECRET, maxAge: -60 });
    const token = await encode({ token: CLAIMS, secret: SECRET });
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    for (const [bad, secret] of [
      [expired, SECRET],
      [tampered, SECRET],
      [token, OTHER_SECRET],
      ["not-a-jwe", SECRET],
    ]) {
      await expect(decode({ token: bad, secret })).rejects.toThrow();
      await expect(decodeSessionJwt({ token: bad, secret })).rejects.toThrow();
    }
  });

  test("a token expired within next-auth's 15 s clock tolerance still reads, as in next-auth", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET, maxAge: -5 });
    expect(await decodeSessionJwt({ token, secret: SECRET })).toEqual(await decode({ token, secret: SECRET }));
  });

  test("switching secrets derives the right key for each", async () => {
    const first = await encode({ token: CLAIMS, secret: SECRET });
    const second = await encode({ token: { ...CLAIMS, sub: "user-2" }, secret: OTHER_SECRET });
    expect((await decodeSessionJwt({ token: first, secret: SECRET }))?.sub).toEqual("user-1");
    expect((await decodeSessionJwt({ token: second, secret: OTHER_SECRET }))?.sub).toEqual("user-2");
    expect((await decodeSessionJwt({ token: first, secret: SECRET }))?.sub).toEqual("user-1");
  });
});

describe("decodeSessionJwt's memo of decrypted claims", () => {
  afterEach(() => jest.useRealTimers());

  test("a token read again gives equal claims in a fresh object, so one caller's change does not reach another", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET });
    const first = await decodeSessionJwt({ token, secret: SECRET });
    (first as Record<string, unknown>).sub = "changed";
    expect(await decodeSessionJwt({ token, secret: SECRET })).toEqual(await decode({ token, secret: SECRET }));
  });

  test("a token read while valid throws once it has expired past the tolerance, as next-auth's decode does then", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET, maxAge: 60 });
    expect((await decodeSessionJwt({ token, secret: SECRET }))?.sub).toEqual("user-1");
    jest.useFakeTimers({ now: Date.now() + 70_000, doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
    // Within the 15 s tolerance after exp: still read, as by next-auth.
    expect(await decodeSessionJwt({ token, secret: SECRET })).toEqual(await decode({ token, secret: SECRET }));
    jest.setSystemTime(Date.now() + 10_000);
    await expect(decode({ token, secret: SECRET })).rejects.toThrow();
    await expect(decodeSessionJwt({ token, secret: SECRET })).rejects.toThrow();
  });

  test("a token read under one secret is not read under another", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET });
    expect((await decodeSessionJwt({ token, secret: SECRET }))?.sub).toEqual("user-1");
    await expect(decodeSessionJwt({ token, secret: OTHER_SECRET })).rejects.toThrow();
    expect((await decodeSessionJwt({ token, secret: SECRET }))?.sub).toEqual("user-1");
  });
});

describe("readSessionClaims", () => {
  test("reads the session cookie among others, like next-auth's getToken", async () => {
    const header = `expo.display-zone=Europe%2FBerlin; ${cookie(await encode({ token: CLAIMS, secret: SECRET }))}; other=1`;
    const ours = await readSessionClaims({ cookies: header, authorization: null }, SECRET, false);
    expect(ours).toEqual(await nextAuthReads(header));
    expect(ours?.sub).toEqual("user-1");
  });

  test("joins a chunked cookie (.0, .1) like next-auth", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET });
    const header = `next-auth.session-token.1=${token.slice(100)}; next-auth.session-token.0=${token.slice(0, 100)}`;
    const ours = await readSessionClaims({ cookies: header, authorization: null }, SECRET, false);
    expect(ours?.sub).toEqual("user-1");
    expect(ours).toEqual(await nextAuthReads(header));
  });

  test("uses the __Secure- cookie name when cookies are Secure, and ignores the other name", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET });
    const secure = cookie(token, "__Secure-next-auth.session-token");
    expect((await readSessionClaims({ cookies: secure, authorization: null }, SECRET, true))?.sub).toEqual("user-1");
    expect(await readSessionClaims({ cookies: cookie(token), authorization: null }, SECRET, true)).toEqual(null);
    expect(await readSessionClaims({ cookies: secure, authorization: null }, SECRET, false)).toEqual(null);
  });

  test("accepts an Authorization Bearer token when there is no cookie, like next-auth", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET });
    const ours = await readSessionClaims({ cookies: null, authorization: `Bearer ${token}` }, SECRET, false);
    expect(ours?.sub).toEqual("user-1");
    expect(ours).toEqual(await nextAuthReads("", false, `Bearer ${token}`));
  });

  test("null for no cookie, an expired, a tampered or another secret's token", async () => {
    const token = await encode({ token: CLAIMS, secret: SECRET });
    const expired = await encode({ token: CLAIMS, secret: SECRET, maxAge: -60 });
    const tampered = token.slice(0, 40) + (token[40] === "A" ? "B" : "A") + token.slice(41);
    const foreign = await encode({ token: CLAIMS, secret: OTHER_SECRET });
    for (const header of ["", "other=1", cookie(expired), cookie(tampered), cookie(foreign), cookie("")]) {
      expect(await readSessionClaims({ cookies: header, authorization: null }, SECRET, false)).toEqual(null);
      expect(await nextAuthReads(header)).toEqual(null);
    }
  });
});
