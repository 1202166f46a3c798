import { buildContentSecurityPolicy, createNonce, isServedOverHttps } from "@/lib/security/content-security-policy";

const NONCE = "q1w2e3r4t5y6u7i8o9p0aQ==";

/** The policy's directives by name, e.g. { "script-src": ["'self'", …] }. */
function directivesOf(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(";").map((directive) => {
      const [name, ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("buildContentSecurityPolicy", () => {
  test("production over http is the full strict policy with the nonce and no upgrade", () => {
    const policy = buildContentSecurityPolicy({ nonce: NONCE, isDevelopment: false, upgradeInsecureRequests: false });
    expect(policy).toEqual(
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`,
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join("; "),
    );
  });

  test("script-src carries this response's nonce and 'strict-dynamic'", () => {
    const policy = buildContentSecurityPolicy({ nonce: NONCE, isDevelopment: false, upgradeInsecureRequests: false });
    expect(directivesOf(policy)["script-src"]).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'"]);
  });

  test("'unsafe-eval' is added in development only", () => {
    const development = buildContentSecurityPolicy({ nonce: NONCE, isDevelopment: true, upgradeInsecureRequests: false });
    const production = buildContentSecurityPolicy({ nonce: NONCE, isDevelopment: false, upgradeInsecureRequests: false });
    expect(directivesOf(development)["script-src"]).toEqual(["'self'", `'nonce-${NONCE}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    expect(directivesOf(production)["script-src"]).not.toContain("'unsafe-eval'");
  });

  test("script-src never allows 'unsafe-inline', in development or production", () => {
    for (const isDevelopment of [true, false]) {
      const policy = buildContentSecurityPolicy({ nonce: NONCE, isDevelopment, upgradeInsecureRequests: true });
      expect(directivesOf(policy)["script-src"]).not.toContain("'unsafe-inline'");
      expect(directivesOf(policy)["default-src"]).toEqual(["'self'"]);
    }
  });

  test("upgrade-insecure-requests is the last directive when asked for, absent otherwise", () => {
    const https = buildContentSecurityPolicy({ nonce: NONCE, isDevelopment: false, upgradeInsecureRequests: true });
    const http = buildContentSecurityPolicy({ nonce: NONCE, isDevelopment: false, upgradeInsecureRequests: false });
    expect(https.endsWith("; frame-ancestors 'none'; upgrade-insecure-requests")).toEqual(true);
    expect(Object.keys(directivesOf(http))).not.toContain("upgrade-insecure-requests");
  });
});

describe("isServedOverHttps", () => {
  test("an https NEXTAUTH_URL upgrades insecure requests", () => {
    expect(isServedOverHttps("https://expo.example")).toEqual(true);
  });

  test("http://localhost and an unset NEXTAUTH_URL do not (the e2e server is plain http)", () => {
    expect(isServedOverHttps("http://localhost:3000")).toEqual(false);
    expect(isServedOverHttps(undefined)).toEqual(false);
  });
});

describe("createNonce", () => {
  test("is 16 random bytes in base64, different on every call", () => {
    const first = createNonce();
    const second = createNonce();
    expect(first).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(Buffer.from(first, "base64")).toHaveLength(16);
    expect(second).not.toEqual(first);
  });
});
