import { authOptions, enabledProviderIds, logMagicLink } from "@/lib/auth/auth-options";

import { secureCookiesFor } from "@/lib/auth/secret";
import { parseEnv } from "@/lib/env";

const base = { DATABASE_URL: "postgresql://localhost/expo" };

describe("enabledProviderIds", () => {
  test("production without mail or OAuth settings offers only email and password", () => {
    expect(enabledProviderIds(parseEnv({ ...base, NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(32) }))).toEqual([
      "credentials",
    ]);
  });

  test("development offers magic links even without EMAIL_SERVER (they go to the log)", () => {
    expect(enabledProviderIds(parseEnv({ ...base, NODE_ENV: "development" }))).toEqual(["credentials", "email"]);
  });

  test("EMAIL_SERVER enables magic links in production", () => {
    expect(
      enabledProviderIds(
        parseEnv({ ...base, NODE_ENV: "production", NEXTAUTH_SECRET: "s".repeat(32), EMAIL_SERVER: "smtp://mail.example:587" }),
      ),
    ).toEqual(["credentials", "email"]);
  });

  test("GitHub and Google need both their id and their secret", () => {
    expect(
      enabledProviderIds(parseEnv({ ...base, NODE_ENV: "test", GITHUB_ID: "id", GITHUB_SECRET: "secret", GOOGLE_CLIENT_ID: "only-id" })),
    ).toEqual(["credentials", "github"]);
    expect(
      enabledProviderIds(
        parseEnv({ ...base, NODE_ENV: "test", GOOGLE_CLIENT_ID: "id", GOOGLE_CLIENT_SECRET: "secret", GITHUB_SECRET: "only-secret" }),
      ),
    ).toEqual(["credentials", "google"]);
  });
});

describe("logMagicLink", () => {
  test("writes the link to the server log with console.info", () => {
    const info = jest.spyOn(console, "info").mockImplementation(() => {});
    logMagicLink({ identifier: "visitor@example.test", url: "http://localhost:3000/api/auth/callback/email?token=abc" });
    expect(info.mock.calls).toEqual([
      [
        "[auth] Sign-in link for visitor@example.test (EMAIL_SERVER is not set, so it is logged, not sent): http://localhost:3000/api/auth/callback/email?token=abc",
      ],
    ]);
    info.mockRestore();
  });
});

describe("secureCookiesFor", () => {
  test("Secure over HTTPS and in production, except production on a local host over plain http", () => {
    expect([
      secureCookiesFor({ NODE_ENV: "production", NEXTAUTH_URL: "https://expo.example" }),
      secureCookiesFor({ NODE_ENV: "production", NEXTAUTH_URL: undefined }),
      secureCookiesFor({ NODE_ENV: "production", NEXTAUTH_URL: "http://expo.example" }),
      secureCookiesFor({ NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" }),
      secureCookiesFor({ NODE_ENV: "development", NEXTAUTH_URL: "http://localhost:3000" }),
      secureCookiesFor({ NODE_ENV: "development", NEXTAUTH_URL: "https://localhost:3000" }),
    ]).toEqual([true, true, true, false, false, true]);
  });
});

describe("authOptions", () => {
  test("uses JWT sessions, the project's sign-in pages and no Secure cookies in tests over http", () => {
    const options = authOptions();
    expect({ strategy: options.session?.strategy, pages: options.pages, secure: options.useSecureCookies }).toEqual({
      strategy: "jwt",
      pages: { signIn: "/signin", error: "/signin", verifyRequest: "/signin/check-email" },
      secure: false,
    });
  });
});
