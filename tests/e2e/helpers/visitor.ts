// A visitor's account steps through the real pages, shared by the e2e specs.
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "expo 2017 password";

/** An address no other test uses, so accounts never collide between runs or specs. */
export function uniqueEmail(prefix = "visitor"): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

/**
 * A client address of its own (198.18.0.0/15, set aside for tests; only ever a header here): TRUST_PROXY
 * is on in e2e and sign-ups are limited per address, and a whole run signs up far more visitors
 * than one address may.
 */
export function uniqueAddress(): string {
  return `198.${18 + Math.floor(Math.random() * 2)}.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
}

/** Signs up through /signup and waits until the header shows the visitor signed in. */
export async function signUp(page: Page, email: string = uniqueEmail(), name = "Visitor Test"): Promise<string> {
  await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
  await page.goto("/signup");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // Attached rather than visible: on a phone the account area sits in the header's closed menu.
  // 30 s: sign-up hashes the password twice (sign-up, then sign-in), slow on a loaded machine.
  await expect(page.getByRole("banner").getByText("Signed in as")).toBeAttached({ timeout: 30_000 });
  return email;
}
