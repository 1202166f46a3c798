import { expect, test, type Browser, type Page } from "@playwright/test";
import { severeAxeViolations } from "./helpers/axe";
import { PASSWORD, signUp, uniqueEmail as uniqueEmailFor } from "./helpers/visitor";

const uniqueEmail = () => uniqueEmailFor("auth");

// Failed sign-ins are limited per address; each test that fails sign-ins on purpose comes from an
// address of its own, so it cannot lock out the other e2e tests (which all come from localhost).
async function pageFromAddress(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return context.newPage();
}

async function trySignIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("sign-up refuses a password under 10 characters, naming the rule", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name", { exact: true }).fill("Short");
  await page.getByLabel("Email", { exact: true }).fill(uniqueEmail());
  await page.getByLabel("Password", { exact: true }).fill("123456789");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();
  await expect(page).toHaveURL(/\/signup$/);
});

test("a wrong password and an unknown email get the same message", async ({ browser }) => {
  const page = await pageFromAddress(browser, "198.51.100.21");
  const email = uniqueEmail();
  await signUp(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  // The same words for both, so the form never tells whether an email is registered.
  await trySignIn(page, email, "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await trySignIn(page, uniqueEmail(), "not the password");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  await page.context().close();
});

test("after five failed sign-ins the sixth is refused with 429 and Retry-After, even with the right password", async ({ browser }) => {
  const page = await pageFromAddress(browser, "198.51.100.22");
  const email = uniqueEmail();
  await signUp(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();

  for (let i = 0; i < 5; i++) {
    await trySignIn(page, email, `wrong password ${i}`);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email or password is incorrect.");
  }
  await trySignIn(page, email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many failed sign-ins. Wait a few minutes, then try again.");

  const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { email, password: PASSWORD, csrfToken, json: "true" },
  });
  expect(response.status()).toEqual(429);
  const retryAfter = Number(response.headers()["retry-after"]);
  expect(retryAfter > 800 && retryAfter <= 900).toEqual(true);
  await page.context().close();
});

test("a sign-in or sign-up sent before the page's scripts ran never puts the password in the address", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    for (const [path, button] of [["/signin", "Sign in"], ["/signup", "Create account"]] as const) {
      await page.goto(path);
      if (path === "/signup") await page.getByLabel("Name", { exact: true }).fill("No Script");
      await page.getByLabel("Email", { exact: true }).fill("noscript@example.test");
      await page.getByLabel("Password", { exact: true }).fill("a secret 2017 password");
      const [answer] = await Promise.all([
        page.waitForResponse((response) => new URL(response.url()).pathname === path && response.request().method() !== "GET"),
        page.getByRole("main").getByRole("button", { name: button, exact: true }).click(),
      ]);
      expect(answer.request().method(), path).toBe("POST");
      expect(answer.status(), path).toBeLessThan(500);
      expect(page.url(), path).not.toContain("secret");
    }
  } finally {
    await context.close();
  }
});

test("the session cookie is httpOnly and SameSite=Lax, and the header names who is signed in", async ({ page }) => {
  await signUp(page, uniqueEmail(), "Dana Test");
  await expect(page.getByRole("banner")).toContainText("Signed in as Dana Test");
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect({ httpOnly: session?.httpOnly, sameSite: session?.sameSite }).toEqual({ httpOnly: true, sameSite: "Lax" });
});

test.describe("on a 375 px wide phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("sign-in, sign-up and the itinerary fit without sideways scrolling", async ({ page }) => {
    for (const path of ["/signin", "/signup"]) {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toEqual(375);
    }
    await signUp(page, uniqueEmail());
    await page.goto("/itinerary");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toEqual(375);
  });
});

for (const path of ["/signin", "/signup"]) {
  test(`${path} has no serious or critical axe violations`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    expect(await severeAxeViolations(page)).toEqual([]);
  });
}
