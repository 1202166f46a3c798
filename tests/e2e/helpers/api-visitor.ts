// A visitor through the HTTP API alone (no browser pages): sign up, sign in with next-auth's
// credentials callback, then JSON requests carrying the session cookie. Used where a spec talks to
// instances of its own (tests/e2e/helpers/own-app.ts).
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { PASSWORD, uniqueAddress } from "./visitor";

export interface ApiVisitor {
  email: string;
  context: APIRequestContext;
  /** A request to `baseUrl` + `path` as this visitor, with the Origin that instance expects. */
  call(baseUrl: string, method: string, path: string, body?: unknown): Promise<APIResponse>;
  dispose(): Promise<void>;
}

export async function newApiVisitor(email: string, address = uniqueAddress()): Promise<ApiVisitor> {
  // Cookies are per host, not per port: a session made on one instance is sent to the other too,
  // exactly as a browser behind one load balancer would.
  const context = await playwrightRequest.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return {
    email,
    context,
    call: (baseUrl, method, path, body) =>
      context.fetch(`${baseUrl}${path}`, {
        method,
        headers: { origin: baseUrl, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        data: body === undefined ? undefined : JSON.stringify(body),
        maxRedirects: 0,
      }),
    dispose: () => context.dispose(),
  };
}

export async function signUpThroughApi(visitor: ApiVisitor, baseUrl: string, name = "Api Visitor"): Promise<void> {
  const response = await visitor.call(baseUrl, "POST", "/api/auth/signup", { name, email: visitor.email, password: PASSWORD });
  expect(response.status(), await response.text()).toEqual(201);
}

/** next-auth's credentials sign-in; the answer's status (200 signed in, 401 refused, 429 limited). */
export async function signInThroughApi(visitor: ApiVisitor, baseUrl: string, password = PASSWORD): Promise<number> {
  const csrf = await visitor.context.get(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await visitor.context.post(`${baseUrl}/api/auth/callback/credentials`, {
    headers: { origin: baseUrl },
    form: { email: visitor.email, password, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  return response.status();
}
