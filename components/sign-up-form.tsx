"use client";

import { useState, type FormEvent } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/credential-limits";
import { signInInBrowser } from "@/lib/auth/sign-in-in-browser";

type Field = "name" | "email" | "password";
const fieldStyle = { display: "grid", gap: "0.25rem", marginBottom: "0.75rem" } as const;

function problemsByField(details: { parameter: string; message: string }[]): Partial<Record<Field, string>> {
  const problems: Partial<Record<Field, string>> = {};
  for (const { parameter, message } of details) {
    if (parameter === "name" || parameter === "email" || parameter === "password") problems[parameter] ??= message;
  }
  return problems;
}

const LABELS: Record<Field, string> = { name: "Name", email: "Email", password: "Password" };

/** Creates the account, then signs in with it. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setError(null);
    // No check in the browser: the server's 400 names each field's problem in the same words
    // (lib/auth/credentials-schema.ts), and importing that schema here would add zod's tens of KiB
    // to the page (issue 13). An invalid form does not count against the sign-up limit.
    setProblems({});
    setPending(true);
    try {
      const response = await fetch("/api/auth/signup", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(input),
      });
      if (response.status === 400) {
        const body = (await response.json()) as { details?: { parameter: string; message: string }[] };
        setProblems(problemsByField(body.details ?? []));
        setPending(false);
        return;
      }
      if (response.status === 429) {
        setError("Too many sign-ups. Wait a few minutes, then try again.");
        setPending(false);
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const result = await signInInBrowser("credentials", { email: input.email, password: input.password }, callbackUrl);
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(
        result?.status === 429
          ? "Too many failed sign-ins. Wait a few minutes, then try again."
          : "We could not sign you in with these details. If you already have an account, sign in with its password.",
      );
    } catch {
      setError("The account could not be created just now. Try again.");
    }
    setPending(false);
  }

  const field = (name: Field, type: string, autoComplete: string, hint?: string) => {
    const id = `signup-${name}`;
    const describedBy = [hint ? `${id}-hint` : null, problems[name] ? `${id}-problem` : null].filter(Boolean).join(" ");
    return (
      <div style={fieldStyle}>
        <label htmlFor={id}>{LABELS[name]}</label>
        {hint ? (
          <span id={`${id}-hint`} className="muted">
            {hint}
          </span>
        ) : null}
        <input
          id={id}
          name={name}
          type={type}
          autoComplete={autoComplete}
          required
          aria-invalid={problems[name] ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {problems[name] ? (
          <span id={`${id}-problem`} className="error-text">
            {LABELS[name]} {problems[name]}
          </span>
        ) : null}
      </div>
    );
  };

  // method="post": a tap before hydration submits natively, and a GET would put the password in
  // the address bar, the history and the server's logs.
  return (
    <form method="post" onSubmit={onSubmit} style={{ maxWidth: "26rem" }} noValidate>
      {error ? (
        <p role="alert" className="banner danger">
          {error}
        </p>
      ) : null}
      {field("name", "text", "name")}
      {field("email", "email", "email")}
      {field("password", "password", "new-password", `At least ${MIN_PASSWORD_LENGTH} characters.`)}
      <button type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
