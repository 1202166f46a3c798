import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider, { type SendVerificationRequestParams } from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import type { Provider } from "next-auth/providers/index";
import { prisma } from "../db";
import { isDatabaseUnavailable } from "../http/database-unavailable";
import { getEnv, type Env } from "../env";
import { authorizeCredentials } from "./passwords";
import { safeRedirect } from "./same-origin";
import { authSecret, usesSecureCookies } from "./secret";
import { syncAdminRole } from "./admin-role";
import { endAllSessions, sessionEndReason, type SessionUser } from "./session";

// next-auth's configuration: providers, the adapter, and the JWT claims that let a session end.
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

/**
 * Development without EMAIL_SERVER: the magic link goes to the server log instead of a mailbox,
 * so the email sign-in can be tried on a laptop.
 */
export function logMagicLink({ identifier, url }: Pick<SendVerificationRequestParams, "identifier" | "url">): void {
  console.info(`[auth] Sign-in link for ${identifier} (EMAIL_SERVER is not set, so it is logged, not sent): ${url}`);
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
          authorize: (credentials, request) => authorizeCredentials(credentials, request?.headers),
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

/**
 * A password set before anyone proved they own the email is dropped when the owner proves it.
 * Otherwise someone could sign up with another person's email and a password of their own, wait
 * for that person to sign in by magic link (which next-auth links to the existing account by
 * email), and keep signing in with the password. Returns whether a password was dropped.
 */
export async function dropUnprovenPassword(userId: string): Promise<boolean> {
  const { count } = await prisma.user.updateMany({
    where: { id: userId, emailVerified: null, passwordHash: { not: null } },
    data: { passwordHash: null },
  });
  return count > 0;
}

/**
 * The Prisma adapter, except that setting emailVerified first drops an unproven password.
 * next-auth sets emailVerified only through `updateUser`, and only after a magic-link token was
 * used (core/lib/callback-handler.js), so this runs exactly when ownership of the email is proven.
 */
export function expoAdapter(): Adapter {
  // The adapter is typed against the default @prisma/client; ours is generated to lib/generated
  // with the same models, which is all the adapter touches.
  const base = PrismaAdapter(prisma as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    async updateUser(user: Partial<AdapterUser> & Pick<AdapterUser, "id">): Promise<AdapterUser> {
      if (user.emailVerified) await dropUnprovenPassword(user.id);
      return base.updateUser!(user);
    },
  };
}

let cached: NextAuthOptions | undefined;

/** Built on first use, not at import, so importing never needs the environment. */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const env = getEnv();
  cached = {
    adapter: expoAdapter(),
    // JWT sessions: the credentials provider works only with them. The user row is still read on
    // every request (lib/auth/session.ts), which is where a session's version is checked.
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    secret: authSecret(),
    // next-auth's cookies are httpOnly and SameSite=Lax; Secure follows lib/auth/secret.ts.
    useSecureCookies: usesSecureCookies(),
    providers: buildProviders(env),
    pages: { signIn: "/signin", error: "/signin", verifyRequest: "/signin/check-email" },
    callbacks: {
      async jwt({ token, user, account }) {
        if (user) {
          const signedIn = user as Partial<SessionUser & { sessionVersion: number }>;
          token.sub = user.id;
          // The role follows ADMIN_EMAILS at every sign-in (lib/auth/admin-role.ts).
          token.role = await syncAdminRole(user.id, user.email);
          // How and when this sign-in happened, and the account's session version then; kept
          // when next-auth renews the token (which renews iat and exp), so lib/auth/session.ts can
          // end sessions by age (absolute lifetime), by version and by proof of the email.
          token.method = account?.provider ?? "credentials";
          token.signedInAt = Math.floor(Date.now() / 1000);
          token.sessionVersion = signedIn.sessionVersion ?? 0;
          return token;
        }
        // A renewal (GET /api/auth/session): an ended session is not renewed. Throwing makes
        // next-auth clear the cookie instead of issuing a fresh one.
        let row: { sessionVersion: number; emailVerified: Date | null } | null;
        try {
          row = typeof token.sub === "string"
            ? await prisma.user.findUnique({ where: { id: token.sub }, select: { sessionVersion: true, emailVerified: true } })
            : null;
        } catch (error) {
          // The database is away: throwing would clear the cookie and sign every visitor whose
          // browser polls the session out of an outage. Keep the token; every request for data
          // checks it against the user row again (lib/auth/session.ts), and fails with 503 until then.
          if (isDatabaseUnavailable(error)) return token;
          throw error;
        }
        const reason = row ? sessionEndReason(token, row) : "signed-out";
        if (reason) throw new Error(`Session ended (${reason})`);
        return token;
      },
      session({ session, token }) {
        const user = { ...session.user, id: token.sub, role: token.role };
        return { ...session, user };
      },
      redirect: safeRedirect,
    },
    events: {
      // Sign-out ends every session of the account, not just this browser's cookie: a copy of the
      // cookie taken before would otherwise still work (JWTs cannot be revoked one by one).
      async signOut({ token }) {
        if (typeof token?.sub === "string") await endAllSessions(token.sub);
      },
    },
    logger: {
      error(code, metadata) {
        // A failed credentials sign-in is an expected outcome; an ended session's renewal is too.
        if (code === "CREDENTIALS_SIGNIN_ERROR") return;
        if (code === "JWT_SESSION_ERROR" && String((metadata as { message?: unknown })?.message).startsWith("Session ended")) return;
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
