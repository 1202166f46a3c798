// Sign-out from the header, without next-auth/react: that module (and the runtime helpers it is
// compiled with) weighs more in every page's JavaScript than this does, and the header needs only
// its two requests. Same protocol as next-auth's own signOut(): fetch a CSRF token, post it to the
// sign-out endpoint (which ends the session, lib/auth/auth-options.ts), then load the answer's URL.
const AUTH_API = "/api/auth";

export async function signOutInBrowser(callbackUrl: string): Promise<void> {
  const csrf = await fetch(`${AUTH_API}/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const answer = await fetch(`${AUTH_API}/signout`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await answer.json()) as { url?: string };
  // A full load, as next-auth does: every server-rendered part of the page must forget the account.
  window.location.href = url ?? callbackUrl;
}
