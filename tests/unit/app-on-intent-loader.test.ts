import { JSDOM } from "jsdom";
import { APP_FLIGHT_SOURCE_ATTRIBUTE, APP_FLIGHT_TYPE, APP_READY_EVENT, APP_SCRIPT_ATTRIBUTE, HELD_FORMS, SKIP_OFFSCREEN_ATTRIBUTE, SKIPPED_CARDS, appOnIntentLoader } from "@/lib/page-cache/app-on-intent-loader";

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
  APP_FLIGHT_SOURCE_ATTRIBUTE,
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

  it("started while the page still streams, queues the payload and loads the chunks once the document is parsed", () => {
    let state: DocumentReadyState = "loading";
    const { window, document, queue } = pageWithLoader(() => state);
    window.dispatchEvent(new window.Event("touchstart"));
    expect(queue()).toEqual([[0]]);
    expect(document.head.querySelector("script[src]")).toBeNull();

    document.body.insertAdjacentHTML("beforeend", inertPayload(`[1,"2:\\"last\\"\\n"]`));
    state = "interactive";
    document.dispatchEvent(new window.Event("DOMContentLoaded"));
    expect(queue()).toEqual([[0], expect.anything(), expect.anything(), [1, '2:"last"\n']]);
    expect(document.head.querySelector("script[src]")?.getAttribute("src")).toBe("/_next/static/chunks/a.js");
  });

  describe("a stored page's payload, fetched when the app starts (decision 030)", () => {
    const marker = `<script type="${APP_FLIGHT_TYPE}" ${APP_FLIGHT_SOURCE_ATTRIBUTE}="/_app/flight?page=%2Fpakistan-day&amp;id=abc"></script>`;

    function storedPage(answer: () => Promise<{ ok: boolean; status: number; json: () => Promise<unknown> }>) {
      const dom = new JSDOM(
        `<!DOCTYPE html><html><head><script type="application/x-app-on-intent" ${APP_SCRIPT_ATTRIBUTE}="/_next/static/chunks/a.js"></script></head><body>` +
          `<form id="save-events" method="post" action="/save"></form><button form="save-events" name="save" value="pakistan-day">Save</button>${marker}</body></html>`,
        { runScripts: "outside-only" },
      );
      const { window } = dom;
      const asked: string[] = [];
      Object.defineProperty(window.document, "readyState", { configurable: true, get: () => "complete" });
      Object.defineProperty(window.document, "currentScript", { configurable: true, get: () => ({ nonce: "n0nce+/AAAAAAAAAAAAAA==" }) });
      (window as unknown as { fetch: (url: string) => unknown }).fetch = (url: string) => {
        asked.push(url);
        return answer();
      };
      window.eval(`(self.__next_f=self.__next_f||[]).push([0]);${CALL}`);
      const queue = () => (window as unknown as { __next_f: unknown[] }).__next_f;
      return { window, document: window.document, queue, asked };
    }
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

    it("asks for it with the document's nonce, preloads the chunks meanwhile, and runs them only once it is queued", async () => {
      let deliver: (segments: unknown[]) => void = () => undefined;
      const { window, document, queue, asked } = storedPage(
        () => new Promise((resolve) => (deliver = (segments) => resolve({ ok: true, status: 200, json: async () => segments }))),
      );
      window.dispatchEvent(new window.Event("pointerdown"));
      expect(asked).toEqual(["/_app/flight?page=%2Fpakistan-day&id=abc&nonce=n0nce%2B%2FAAAAAAAAAAAAAA%3D%3D"]);
      expect(document.head.querySelector('link[rel="preload"][as="script"]')?.getAttribute("href")).toBe("/_next/static/chunks/a.js");
      expect(document.head.querySelector("script[src]")).toBeNull();

      deliver([[1, "0:first\n"], [1, "1:second\n"]]);
      await settle();
      expect(queue()).toEqual([[0], [1, "0:first\n"], [1, "1:second\n"]]);
      expect(document.head.querySelector("script[src]")?.getAttribute("src")).toBe("/_next/static/chunks/a.js");
    });

    it("when it is no longer held, loads no app and lets a held save post as it would without JavaScript", async () => {
      const { document, queue } = storedPage(async () => ({ ok: false, status: 404, json: async () => ({ error: "reload" }) }));
      const form = document.getElementById("save-events") as HTMLFormElement;
      const button = document.querySelector("button") as HTMLButtonElement;
      const posted: { prevented: boolean; submitter: Element | null }[] = [];
      form.addEventListener("submit", (event) => {
        posted.push({ prevented: event.defaultPrevented, submitter: (event as SubmitEvent).submitter });
        event.preventDefault(); // jsdom does not navigate; a browser would post here.
      });

      form.requestSubmit(button);
      expect(posted).toEqual([]);
      expect(button.getAttribute("aria-busy")).toBe("true");
      await settle();
      await settle();
      expect(posted).toEqual([{ prevented: false, submitter: button }]);
      expect(button.hasAttribute("aria-busy")).toBe(false);
      expect(queue()).toEqual([[0]]);
      expect(document.head.querySelector("script[src]")).toBeNull();
    });
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
