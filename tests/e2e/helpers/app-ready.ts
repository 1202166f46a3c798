// Pages load Next's and React's scripts on the visitor's first intent (docs/decisions/026). A test
// that needs the app itself (not what the page does without it) gives it that intent and waits.
import type { Page } from "@playwright/test";

/** A tap on the page's main heading (an intent that changes nothing), then until the app listens. */
export async function startApp(page: Page): Promise<void> {
  const ready = page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        if ((window as unknown as { expoAppReady?: boolean }).expoAppReady) return resolve();
        addEventListener("expo2017:app-ready", () => resolve(), { once: true });
      }),
  );
  await page.getByRole("heading", { level: 1 }).first().click();
  await ready;
}
