import "server-only";
import { clientAddress, headerReader } from "./client-address";
import { beginSignInAttempt } from "./sign-in-limit";

/**
 * next-auth's `authorize` can only say yes or no, so the limit on failed sign-ins is enforced
 * before next-auth sees the request: a 429 with Retry-After once the email or the address has too
 * many recent failures. Otherwise the attempt is counted as failed right here, checked and counted
 * in one step (lib/auth/attempt-limit.ts), and authorize takes it back if the password is right.
 * The body also carries `url`, which next-auth's client `signIn()` reads.
 */
export async function refuseRateLimitedSignIn(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !new URL(request.url).pathname.endsWith("/callback/credentials")) return null;
  let email: string | undefined;
  try {
    const value = (await request.clone().formData()).get("email");
    email = typeof value === "string" && value.trim() ? value : undefined;
  } catch {
    email = undefined; // not a form: next-auth refuses it itself
  }
  const limit = await beginSignInAttempt({ email, address: clientAddress(headerReader(request.headers)) });
  if (!limit.limited) return null;
  const minutes = Math.ceil(limit.retryAfterSeconds / 60);
  const signInUrl = new URL(`/signin?error=TooManyAttempts&retryAfter=${limit.retryAfterSeconds}`, request.url);
  return Response.json(
    {
      error: `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      retryAfterSeconds: limit.retryAfterSeconds,
      url: signInUrl.toString(),
    },
    { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
