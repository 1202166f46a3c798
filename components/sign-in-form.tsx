"use client";

import { useState, type FormEvent } from "react";
import type { ProviderId } from "@/lib/auth/auth-options";
import { redirectToProvider, signInInBrowser } from "@/lib/auth/sign-in-in-browser";
import { signInErrorMessage } from "@/lib/auth/sign-in-messages";

const fieldStyle = { display: "grid", gap: "0.25rem", marginBottom: "0.75rem" } as const;
const formStyle = { maxWidth: "26rem" } as const;

/** Password sign-in, plus a magic link and OAuth buttons where this deployment enables them. */
export function SignInForm({
  callbackUrl,
  providers,
  initialError,
}: {
  callbackUrl: string;
  providers: ProviderId[];
  initialError: string | null;
}) {
  const [error, setError] = useState<string | null>(initialError);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onPasswordSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signInInBrowser(
      "credentials",
      { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") },
      callbackUrl,
    ).catch(() => null);
    if (result?.ok && !result.error) {
      // A full load, so the header, the saved events and the merge of device saves start fresh.
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setError(result?.status === 429 ? signInErrorMessage("TooManyAttempts") : signInErrorMessage("CredentialsSignin"));
  }

  async function onMagicLinkSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    const result = await signInInBrowser("email", { email: String(form.get("email") ?? "") }, callbackUrl).catch(() => null);
    if (!result) setError(signInErrorMessage("EmailSignin"));
    else if (result.error) setError(signInErrorMessage(result.error));
    else setStatus("If that address can receive mail, a sign-in link is on its way.");
  }

  return (
    <>
      {error ? (
        <p role="alert" className="banner danger">
          {error}
        </p>
      ) : null}
      {status ? (
        <p role="status" className="banner info">
          {status}
        </p>
      ) : null}
      {/* post: a tap before hydration submits natively, and a GET would put the password in the address. */}
      <form method="post" onSubmit={onPasswordSubmit} style={formStyle} noValidate>
        <div style={fieldStyle}>
          <label htmlFor="signin-email">Email</label>
          <input id="signin-email" name="email" type="email" autoComplete="email" required />
        </div>
        <div style={fieldStyle}>
          <label htmlFor="signin-password">Password</label>
          <input id="signin-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>

      {providers.includes("email") ? (
        <form method="post" onSubmit={onMagicLinkSubmit} style={{ ...formStyle, marginTop: "1.5rem" }}>
          <h2>Or get a sign-in link by email</h2>
          <div style={fieldStyle}>
            <label htmlFor="magic-link-email">Email for a sign-in link</label>
            <input id="magic-link-email" name="email" type="email" autoComplete="email" required />
          </div>
          <button type="submit" className="secondary">
            Email me a sign-in link
          </button>
        </form>
      ) : null}

      {providers.includes("github") || providers.includes("google") ? (
        <div style={{ ...formStyle, marginTop: "1.5rem", display: "grid", gap: "0.5rem" }}>
          <h2>Or continue with</h2>
          {providers.includes("github") ? (
            <button type="button" className="secondary" onClick={() => void redirectToProvider("github", callbackUrl)}>
              Sign in with GitHub
            </button>
          ) : null}
          {providers.includes("google") ? (
            <button type="button" className="secondary" onClick={() => void redirectToProvider("google", callbackUrl)}>
              Sign in with Google
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
