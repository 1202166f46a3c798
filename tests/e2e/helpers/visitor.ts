// A visitor's account steps through the real pages, shared by the e2e specs.
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "expo 2017 password";

/** An address no other test uses, so accounts never collide between runs or specs. */
export function uniqueEmail(prefix = "visitor"): string {
  return `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
}

/** Signs up through /signup and waits until the header shows the visitor signed in. */
export async function signUp(page: Page, email: string = uniqueEmail(), name = "Visitor Test"): Promise<string> {
  await page.goto("/signup");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("banner").getByText("Signed in as")).toBeVisible();
  return email;
}
