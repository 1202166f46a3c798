import { expect, test, type Browser, type Page } from "@playwright/test";
import { signUp, uniqueEmail } from "./helpers/visitor";

// Anonymous visitors get public pages from stored HTML (lib/page-cache, docs/decisions/022); signed-in
// visitors get their own render. Two users and an anonymous visitor ask for the same URLs, before
// and after each other: nobody's account or saves show up in anyone else's page.

const EVENT = "/events/mahler-symphony-no-8";
const URLS = [EVENT, "/schedule?date=2017-08-26", "/"];

async function visitor(browser: Browser, name: string): Promise<{ page: Page; email: string; close: () => Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = await signUp(page, uniqueEmail(name.toLowerCase()), `${name} Cache`);
  return { page, email, close: () => context.close() };
}

async function html(page: Page, url: string): Promise<string> {
  const response = await page.request.get(url);
  expect(response.status(), url).toEqual(200);
  return response.text();
}

test("two signed-in users and an anonymous visitor of the same URLs each get only their own page", async ({ browser }) => {
  // Two sign-ups (argon2) and a dozen page loads: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  const anonymousContext = await browser.newContext();
  const anonymous = await anonymousContext.newPage();
  // Fills the store for these URLs before anyone signs in.
  for (const url of URLS) await html(anonymous, url);

  const alice = await visitor(browser, "Alice");
  const bob = await visitor(browser, "Bob");
  try {
    await alice.page.goto(EVENT);
    const actions = alice.page.locator(".event-actions");
    await actions.getByRole("button", { name: "Save to itinerary" }).click();
    await expect(actions.getByRole("button", { name: "Remove from itinerary" })).toBeEnabled();

    for (const url of URLS) {
      const [forAlice, forBob, forAnonymous] = [await html(alice.page, url), await html(bob.page, url), await html(anonymous, url)];
      expect(forAlice).toContain(alice.email);
      expect(forAlice).not.toContain(bob.email);
      expect(forBob).toContain(bob.email);
      expect(forBob).not.toContain(alice.email);
      for (const other of [alice.email, bob.email, "Alice Cache", "Bob Cache", "Signed in as"]) expect(forAnonymous).not.toContain(other);
    }

    // Saved state: Alice's event page says saved, Bob's and the anonymous visitor's do not.
    await bob.page.goto(EVENT);
    await expect(bob.page.locator(".event-actions").getByRole("button", { name: "Save to itinerary" })).toBeVisible();
    await anonymous.goto(EVENT);
    await expect(anonymous.locator(".event-actions").getByRole("button", { name: "Save to itinerary" })).toBeVisible();
    await alice.page.goto(EVENT);
    await expect(alice.page.locator(".event-actions").getByRole("button", { name: "Remove from itinerary" })).toBeVisible();
  } finally {
    await Promise.all([alice.close(), bob.close(), anonymousContext.close()]);
  }
});

test("a stored page gets a fresh nonce per answer and still runs its scripts and server actions", async ({ page }) => {
  const policies: string[] = [];
  for (let i = 0; i < 3; i++) {
    const response = await page.goto(EVENT);
    policies.push(response!.headers()["content-security-policy"]);
  }
  const nonces = policies.map((policy) => /'nonce-([^']+)'/.exec(policy)?.[1]);
  expect(new Set(nonces).size).toEqual(3);
  // The nonce of the answer is the one on its scripts: the page hydrated (the save button works
  // through a server action for an anonymous visitor by keeping the save on the device).
  await page.locator(".event-actions").getByRole("button", { name: "Save to itinerary" }).click();
  await expect(page.locator(".event-actions").getByRole("button", { name: "Remove from itinerary" })).toBeVisible();
});
