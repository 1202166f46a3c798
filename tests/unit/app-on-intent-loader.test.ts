import { JSDOM } from "jsdom";
import { APP_FLIGHT_TYPE, APP_READY_EVENT, APP_SCRIPT_ATTRIBUTE, HELD_FORMS, SKIP_OFFSCREEN_ATTRIBUTE, SKIPPED_CARDS, appOnIntentLoader } from "@/lib/page-cache/app-on-intent-loader";

// The loader's source text run in a DOM: the RSC payload that lib/page-cache/app-on-intent.ts made
// inert reaches the queue Next's client reads, whole and in document order, once the app starts.
const CALL = `(${appOnIntentLoader.toString()})(${[
  "expo2017-device-saves",
  APP_READY_EVENT,
  APP_SCRIPT_ATTRIBUTE,
  APP_FLIGHT_TYPE,
  HELD_FORMS,
  SKIP_OFFSCREEN_ATTRIBUTE,
  SKIPPED_CARDS,
]
  .map((value) => JSON.stringify(value))
  .join(",")})`;

const inertPayload = (json: string) => `<script type="${APP_FLIGHT_TYPE}">self.__next_f.push(${json})</script>`;

function pageWithLoader(readyState: () => DocumentReadyState, navigationType?: NavigationTimingType) {
  const dom = new JSDOM(
    `<!DOCTYPE html><html><head><script type="application/x-app-on-intent" ${APP_SCRIPT_ATTRIBUTE}="/_next/static/chunks/a.js"></script></head><body>` +
      inertPayload(`[1,"0:{\\"a\\":\\"Pakistan Day \\u003c 14 Aug\\"}\\n"]`) +
      inertPayload(`[1,"1:\\"Астана — (brackets) in text\\"\\n"]`) +
      `</body></html>`,
    { runScripts: "outside-only" },
  );
  const { window } = dom;
  Object.defineProperty(window.document, "readyState", { configurable: true, get: readyState });
  // jsdom keeps no navigation entry; a browser's says how this document was reached.
  if (navigationType) {
    const entry = { type: navigationType, entryType: "navigation", name: "", startTime: 0, duration: 0, toJSON: () => ({}) };
    window.performance.getEntriesByType = (kind: string) => (kind === "navigation" ? [entry] : []);
  }
  window.eval(`(self.__next_f=self.__next_f||[]).push([0]);${CALL}`);
  const queue = () => (window as unknown as { __next_f: unknown[] }).__next_f;
  return { window, document: window.document, queue };
}

describe("the app-on-intent loader and the RSC payload", () => {
  it("leaves the payload alone until an intent, then queues it in order and loads the chunks", () => {
    const { window, document, queue } = pageWithLoader(() => "complete");
    expect(queue()).toEqual([[0]]);
    expect(document.head.querySelector("script[src]")).toBeNull();

    window.dispatchEvent(new window.Event("pointerdown"));
    expect(queue()).toEqual([[0], [1, '0:{"a":"Pakistan Day < 14 Aug"}\n'], [1, '1:"Астана — (brackets) in text"\n']]);
    expect(document.head.querySelector("script[src]")?.getAttribute("src")).toBe("/_next/static/chunks/a.js");

    // A second intent queues nothing twice.
    window.dispatchEvent(new window.Event("keydown"));
    expect(queue()).toHaveLength(3);
  });

  it("started while the page still streams, queues the payload that comes later once the document is parsed", () => {
    let state: DocumentReadyState = "loading";
    const { window, document, queue } = pageWithLoader(() => state);
    window.dispatchEvent(new window.Event("touchstart"));
    expect(queue()).toHaveLength(3);

    document.body.insertAdjacentHTML("beforeend", inertPayload(`[1,"2:\\"last\\"\\n"]`));
    state = "interactive";
    document.dispatchEvent(new window.Event("DOMContentLoaded"));
    expect(queue()).toEqual([[0], expect.anything(), expect.anything(), [1, '2:"last"\n']]);
  });

  describe("cards off screen skip their layout only where no offset is restored (decision 029)", () => {
    const skipping = (document: Document) => document.documentElement.hasAttribute(SKIP_OFFSCREEN_ATTRIBUTE);

    it("on a fresh load, until the app is ready", () => {
      const { window, document } = pageWithLoader(() => "complete", "navigate");
      expect(skipping(document)).toBe(true);
      window.dispatchEvent(new window.Event("pointerdown"));
      expect(skipping(document)).toBe(true);
      window.dispatchEvent(new window.Event(APP_READY_EVENT));
      expect(skipping(document)).toBe(false);
    });

    it.each(["back_forward", "reload"] as const)("not on a %s load, where the browser restores the offset", (type) => {
      const { document } = pageWithLoader(() => "complete", type);
      expect(skipping(document)).toBe(false);
    });

    it("on a load whose kind the browser does not say", () => {
      const { document } = pageWithLoader(() => "complete");
      expect(skipping(document)).toBe(true);
    });
  });
});
