import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import { syncAdminRole } from "../admin/admin-role";
import { getEnv, type Env } from "../env";
import { expoAdapter } from "./adapter";
import { authorizeCredentials } from "./authorize-credentials";
import { headerReader } from "./client-address";
import { logMagicLink } from "./magic-link";
import { authSecret, usesSecureCookies } from "./secret";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export type ProviderId = "credentials" | "email" | "github" | "google";

/** Which sign-in methods this environment offers: OAuth only with both id and secret set. */
export function enabledProviderIds(env: Env): ProviderId[] {
  const ids: ProviderId[] = ["credentials"];
  if (env.EMAIL_SERVER || env.NODE_ENV === "development") ids.push("email");
  if (env.GITHUB_ID && env.GITHUB_SECRET) ids.push("github");
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) ids.push("google");
  return ids;
}

function buildProviders(env: Env): Provider[] {
  const from = env.EMAIL_FROM ?? "EXPO 2017 Schedule <no-reply@localhost>";
  return enabledProviderIds(env).map((id): Provider => {
    switch (id) {
      case "credentials":
        return CredentialsProvider({
          id: "credentials",
          name: "Email and password",
          credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
          authorize: (credentials, request) => authorizeCredentials(credentials, headerReader(request?.headers)),
        });
      case "email":
        return env.EMAIL_SERVER
          ? EmailProvider({ server: env.EMAIL_SERVER, from })
          : EmailProvider({ from, sendVerificationRequest: logMagicLink });
      case "github":
        return GitHubProvider({ clientId: env.GITHUB_ID!, clientSecret: env.GITHUB_SECRET! });
      case "google":
        return GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID!, clientSecret: env.GOOGLE_CLIENT_SECRET! });
    }
  });
}

let cached: NextAuthOptions | undefined;

/** Built on first use, not at import, so importing never needs the environment. */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  cached = {
    adapter: expoAdapter(),
    // JWT sessions: the credentials provider works only with them, and a request needs no session
    // lookup; the user row is still read on every request (lib/auth/session.ts).
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    secret: authSecret(),
    // next-auth's cookies are httpOnly and SameSite=Lax; Secure follows lib/auth/secret.ts.
    useSecureCookies: usesSecureCookies(),
    providers: buildProviders(env),
    pages: { signIn: "/signin", error: "/signin", verifyRequest: "/signin/check-email" },
    callbacks: {
      async jwt({ token, user, account }) {
        if (user) {
          token.sub = user.id;
          token.role = await syncAdminRole(user.id, user.email);
          // How and when this sign-in happened; kept when next-auth refreshes the token (which
          // renews iat), so lib/auth/session.ts can end password sessions older than the proof
          // of the email.
          token.method = account?.provider ?? "credentials";
          token.signedInAt = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      session({ session, token }) {
        const user = { ...session.user, id: token.sub, role: token.role };
        return { ...session, user };
      },
    },
    logger: {
      // next-auth logs a failed credentials sign-in as an error; it is an expected outcome here.
      error(code, metadata) {
        if (code === "CREDENTIALS_SIGNIN_ERROR") return;
        console.error(`[next-auth] ${code}`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth] ${code}`);
      },
      debug() {},
    },
  };
  return cached;
}
