// The sign-in and sign-up forms' calls to next-auth, without next-auth/react: that module (compiled
// with its own runtime helpers) was about 10 KiB of every sign-in page's JavaScript, for two
// requests. The same protocol as next-auth's client signIn(): fetch a CSRF token, then post the
// form's fields with it to the provider's endpoint and read `url` from the JSON answer; the
// sign-in limiter (lib/auth/next-auth-request.ts) reads these bodies exactly as before.
const AUTH_API = "/api/auth";

export type BrowserProvider = "credentials" | "email" | "github" | "google";

export interface SignInAnswer {
  ok: boolean;
  status: number;
  /** next-auth's error code from the answer's URL ("CredentialsSignin", "TooManyAttempts"…), or null. */
  error: string | null;
}

async function csrfToken(): Promise<string> {
  const answer = await fetch(`${AUTH_API}/csrf`);
  return ((await answer.json()) as { csrfToken: string }).csrfToken;
}

async function post(provider: BrowserProvider, fields: Record<string, string>, callbackUrl: string): Promise<{ answer: Response; url: string | null }> {
  // Credentials are checked at the callback; the other providers start at their sign-in endpoint.
  const endpoint = provider === "credentials" ? `${AUTH_API}/callback/${provider}` : `${AUTH_API}/signin/${provider}`;
  const answer = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl, json: "true" }),
  });
  const body = (await answer.json().catch(() => ({}))) as { url?: string };
  return { answer, url: body.url ?? null };
}

/** Password or magic-link sign-in: answers whether it worked, the page decides what comes next. */
export async function signInInBrowser(provider: "credentials" | "email", fields: Record<string, string>, callbackUrl: string): Promise<SignInAnswer> {
  const { answer, url } = await post(provider, fields, callbackUrl);
  const error = url ? new URL(url, window.location.href).searchParams.get("error") : answer.ok ? null : "Default";
  return { ok: answer.ok, status: answer.status, error };
}

/** GitHub or Google: the answer's URL is the provider's own page, loaded in full. */
export async function redirectToProvider(provider: "github" | "google", callbackUrl: string): Promise<void> {
  const { url } = await post(provider, {}, callbackUrl);
  window.location.href = url ?? callbackUrl;
}
