import * as route from "@/app/api/auth/[...nextauth]/route";
import { AuthBrowser } from "../helpers/auth-browser";
import { resetUserData } from "../helpers/db";

jest.mock("next/headers", () => jest.requireActual<typeof import("../helpers/auth-browser")>("../helpers/auth-browser").nextHeadersMock());

// next-auth's POST actions. Before the fix, broken or empty JSON made every one of them a 500.
const POST_ACTIONS = ["signin/credentials", "signin/email", "callback/credentials", "signout", "session", "_log"];

afterAll(async () => {
  await resetUserData();
});

describe("malformed bodies to next-auth's routes are 4xx, never 500", () => {
  test.each(POST_ACTIONS)("POST /api/auth/%s: empty JSON, broken JSON, a JSON array, text/plain and 70 KiB", async (action) => {
    const browser = new AuthBrowser(route);
    const statuses = [
      (await browser.send("POST", action, { body: "", contentType: "application/json" })).status,
      (await browser.send("POST", action, { body: "{oops", contentType: "application/json" })).status,
      (await browser.send("POST", action, { body: "[1,2]", contentType: "application/json" })).status,
      (await browser.send("POST", action, { body: "email=a@b.c", contentType: "text/plain" })).status,
      (await browser.send("POST", action, { body: `email=${"x".repeat(70 * 1024)}`, contentType: "application/x-www-form-urlencoded" })).status,
    ];
    expect(statuses).toEqual([400, 400, 400, 415, 413]);
  });

  test("the 400 names the problem", async () => {
    const answer = await new AuthBrowser(route).send("POST", "callback/credentials", { body: "{oops", contentType: "application/json" });
    expect(answer.body).toEqual({ error: "The request body is not valid JSON.", details: [{ parameter: "body", message: "is not valid JSON" }] });
  });

  test("GET /api/auth/callback/credentials is 405 with Allow: POST, not a 500 naming an internal error", async () => {
    const answer = await new AuthBrowser(route).send("GET", "callback/credentials");
    expect({ status: answer.status, allow: answer.headers.get("allow") }).toEqual({ status: 405, allow: "POST" });
  });
});

describe("an unparseable callbackUrl is ignored", () => {
  test("in the query: the sign-in redirect still works and goes to this site", async () => {
    const answer = await new AuthBrowser(route).send("GET", `signin?callbackUrl=${encodeURIComponent("http://[::1")}`);
    expect({ status: answer.status, location: answer.headers.get("location") }).toEqual({
      status: 302,
      location: `/signin?callbackUrl=${encodeURIComponent("http://localhost:3000")}`,
    });
  });

  test("in the next-auth.callback-url cookie: the cookie is replaced and the browser can sign in again", async () => {
    const browser = new AuthBrowser(route);
    browser.jar.set("next-auth.callback-url", encodeURIComponent("http://[::1"));
    const answer = await browser.send("GET", "csrf");
    expect(answer.status).toEqual(200);
    expect(browser.jar.get("next-auth.callback-url")).toEqual(encodeURIComponent("http://localhost:3000"));
  });
});
