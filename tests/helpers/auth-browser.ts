// A browser for next-auth's routes in jest: keeps cookies, fetches a CSRF token, and calls
// app/api/auth/[...nextauth]/route.ts exactly as Next would. next-auth reads the request's headers
// and cookies through next/headers, which needs Next's request scope; test files mock it with
// `jest.mock("next/headers", () => jest.requireActual(<this file>).nextHeadersMock())` so it answers with the request being handled (nothing else is mocked: the
// database, next-auth, the limiter and the JWTs are the real ones).
import { AsyncLocalStorage } from "node:async_hooks";
import { NextRequest } from "next/server";

// Per request, as in Next: parallel requests each see their own headers.
const current = new AsyncLocalStorage<NextRequest>();

/** For jest.mock("next/headers", () => nextHeadersMock()): next/headers of the current request. */
export function nextHeadersMock() {
  return {
    headers: async () => current.getStore()!.headers,
    cookies: async () => current.getStore()!.cookies,
  };
}

type Route = typeof import("../../app/api/auth/[...nextauth]/route");

export interface AuthAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export class AuthBrowser {
  readonly jar = new Map<string, string>();

  constructor(
    private readonly route: Route,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  cookieHeader(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private keep(response: Response): void {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
      if (value === "" || expired) this.jar.delete(name);
      else this.jar.set(name, value);
    }
  }

  /** Sends a request to /api/auth/<action> with this browser's cookies; `body` is sent as given. */
  async send(method: "GET" | "POST" | "TRACE", action: string, init: { body?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<AuthAnswer> {
    const headers: Record<string, string> = { host: "localhost:3000", ...this.extraHeaders, ...init.headers };
    if (this.jar.size) headers.cookie = this.cookieHeader();
    if (init.contentType) headers["content-type"] = init.contentType;
    const request = new NextRequest(`http://localhost:3000/api/auth/${action}`, { method, headers, body: init.body });
    const context = { params: Promise.resolve({ nextauth: new URL(request.url).pathname.split("/").slice(3) }) };
    const response = await current.run(request, () => (method === "POST" ? this.route.POST(request, context) : this.route.GET(request, context)));
    this.keep(response);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body };
  }

  async csrfToken(): Promise<string> {
    return ((await this.send("GET", "csrf")).body as { csrfToken: string }).csrfToken;
  }

  /** A password sign-in as next-auth's client sends it (a form with json=true), or any body. */
  async signIn(email: string, password: string): Promise<AuthAnswer> {
    const form = new URLSearchParams({ email, password, csrfToken: await this.csrfToken(), json: "true" });
    return this.send("POST", "callback/credentials", { body: form.toString(), contentType: "application/x-www-form-urlencoded" });
  }

  async signOut(): Promise<AuthAnswer> {
    const form = new URLSearchParams({ csrfToken: await this.csrfToken(), json: "true" });
    return this.send("POST", "signout", { body: form.toString(), contentType: "application/x-www-form-urlencoded" });
  }

  sessionCookie(): string | undefined {
    const entry = [...this.jar].find(([name]) => name.endsWith("next-auth.session-token"));
    return entry ? `${entry[0]}=${entry[1]}` : undefined;
  }
}
