// The sign-in page's messages for next-auth's error codes, apart from the zod schemas
// (credentials-schema.ts) so that the sign-in form carries no zod into the browser.
// What the sign-in page says for next-auth's error codes (and ours: TooManyAttempts).
const SIGN_IN_MESSAGES: Record<string, string> = {
  CredentialsSignin: "Email or password is incorrect.",
  TooManyAttempts: "Too many failed sign-ins. Wait a few minutes, then try again.",
  OAuthAccountNotLinked: "This email already signs in another way. Use the method you used first.",
  EmailSignin: "The sign-in link could not be sent. Try again, or use your password.",
  Verification: "That sign-in link has expired or was already used. Ask for a new one.",
  SessionRequired: "Sign in to see that page.",
};

export function signInErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  return SIGN_IN_MESSAGES[code] ?? "Sign-in did not work. Try again.";
}
