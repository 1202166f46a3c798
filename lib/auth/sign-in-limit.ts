import "server-only";
import { NextRequest } from "next/server";
import { sitePublicOrigin } from "../http/public-base-url";
import { ATTEMPT_WINDOW_MS, checkAttemptLimit, clientAddress, headerReader, returnAttempt, takeAttempt, type AttemptLimit, type Counter } from "./attempt-limit";
import { emailSchema } from "./credentials-schema";
import { knownDeviceCookieName, knownDeviceId } from "./secret";

// Limits on sign-in and magic-link requests (docs/decisions/011-sign-in-limits.md). They read the
// body next-auth itself parsed (lib/auth/next-auth-request.ts), so the email they count is the one
// the password is checked for, whatever the encoding.

/** Failed password sign-ins per account (email) per window, from browsers that never signed in to it. */
export const MAX_FAILED_SIGN_INS = 5;
/** Failed password sign-ins per account from one browser that signed in to it before. */
export const MAX_FAILED_SIGN_INS_PER_DEVICE = 5;
/** Failed password sign-ins per trusted client address, whatever the email (password spraying). */
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 20;
/** Failed password sign-ins of all strangers together: a ceiling on guessing across many accounts. */
export const MAX_FAILED_SIGN_INS_OVERALL = 300;
export const MAX_MAGIC_LINKS_PER_EMAIL = 3;
export const MAX_MAGIC_LINKS_PER_ADDRESS = 10;
export const MAX_MAGIC_LINKS_OVERALL = 100;
export const SIGN_IN_WINDOW_MS = ATTEMPT_WINDOW_MS;

/** Who a sign-in attempt is for and from: a normalised email, a known device of it, a trusted address. */
export interface SignInSource {
  email: string | null;
  deviceId: string | null;
  address: string | null;
}

function cookieValue(readCookieHeader: string | null | undefined, name: string): string | undefined {
  // NextRequest's cookie jar, so our cookie is read as Next reads every other one.
  return new NextRequest("http://cookie.invalid", { headers: { cookie: readCookieHeader ?? "" } }).cookies.get(name)?.value;
}

/**
 * The source of an attempt from the body next-auth parsed and the request headers. Only a
 * well-formed email is an account: anything else can never reach the password check (authorize
 * validates it with the same schema), and a stray NUL or a megabyte of text has no place in the table.
 */
export function signInSourceFrom(body: Record<string, unknown> | undefined, headers: Headers | Record<string, unknown> | undefined): SignInSource {
  const read = headerReader(headers);
  const parsed = emailSchema.safeParse(body?.email);
  const email = parsed.success ? parsed.data : null;
  const deviceId = email ? knownDeviceId(cookieValue(read("cookie"), knownDeviceCookieName()), email) : null;
  return { email, deviceId, address: clientAddress(read) };
}

/**
 * The counters an attempt is charged to. A known device of the account is charged on its own
 * counter instead of the account's and the overall one, so strangers' failures never lock the
 * owner out on a browser they signed in from before; strangers share the account's counter.
 */
export function signInCounters({ email, deviceId, address }: SignInSource): Counter[] {
  if (!email) return [];
  if (deviceId) return [{ key: `signin:device:${deviceId}:${email}`, max: MAX_FAILED_SIGN_INS_PER_DEVICE }];
  const counters: Counter[] = [
    { key: `signin:email:${email}`, max: MAX_FAILED_SIGN_INS },
    { key: "signin:all", max: MAX_FAILED_SIGN_INS_OVERALL },
  ];
  if (address) counters.push({ key: `signin:ip:${address}`, max: MAX_FAILED_SIGN_INS_PER_ADDRESS });
  return counters;
}

/** Whether another sign-in may be tried from this source; reads only. */
export function checkSignInLimit(source: SignInSource, now: Date = new Date()): Promise<AttemptLimit> {
  return checkAttemptLimit(signInCounters(source), now);
}

/**
 * Starts a password sign-in: refused once a counter is full; otherwise counted as a failure at
 * once, before the password is even looked at, so parallel attempts cannot all slip under the
 * limit. A successful sign-in takes its attempt back (endSuccessfulSignIn).
 */
export function beginSignInAttempt(source: SignInSource, now: Date = new Date()): Promise<AttemptLimit> {
  return takeAttempt(signInCounters(source), now);
}

/**
 * After a successful sign-in only the attempt that succeeded is taken back: earlier failures
 * still count, so a stranger gets no fresh guesses each time the owner signs in.
 */
export async function endSuccessfulSignIn(source: SignInSource): Promise<void> {
  await returnAttempt(signInCounters(source).map((counter) => counter.key));
}

/** Magic-link requests count whether or not they succeed: each sends an email. */
export function takeMagicLinkRequest({ email, address }: SignInSource, now: Date = new Date()): Promise<AttemptLimit> {
  if (!email) return Promise.resolve({ limited: false });
  const counters: Counter[] = [
    { key: `magic:email:${email}`, max: MAX_MAGIC_LINKS_PER_EMAIL },
    { key: "magic:all", max: MAX_MAGIC_LINKS_OVERALL },
  ];
  if (address) counters.push({ key: `magic:ip:${address}`, max: MAX_MAGIC_LINKS_PER_ADDRESS });
  return takeAttempt(counters, now);
}

/**
 * The 429 answer. `url` is what next-auth's client signIn() reads (it must be absolute: the client
 * parses it with new URL), on the configured public origin, never the request's Host.
 */
export function tooManyAttempts(limit: { retryAfterSeconds: number }, what: string): Response {
  const minutes = Math.ceil(limit.retryAfterSeconds / 60);
  return Response.json(
    {
      error: `Too many ${what}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      retryAfterSeconds: limit.retryAfterSeconds,
      url: `${sitePublicOrigin()}/signin?error=TooManyAttempts&retryAfter=${limit.retryAfterSeconds}`,
    },
    { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
