// The browser half of loading the app on first intent (./app-on-intent.ts rewrites the HTML;
// docs/decisions/026-app-runtime-on-first-intent.md). No imports: the client's save-forms enhancer
// takes the event name from here, and the loader is sent inline as its own source text.

/** The event the save-forms enhancer dispatches once it listens (components/save-forms-enhancer.tsx). */
export const APP_READY_EVENT = "expo2017:app-ready";
/** Placeholders' attribute: the browser runs no script of an unknown type. */
export const APP_SCRIPT_ATTRIBUTE = "data-app-src";
/** The page's one save form (components/save-event-form.tsx): the cards' save buttons submit it. */
export const SAVE_FORM_ID = "save-events";
/** Forms whose submits wait for the app: the save form, and forms marked as the app's own. */
export const HELD_FORMS = "form#" + SAVE_FORM_ID + ", form[data-app-form]";
/** The type the RSC payload's inline scripts carry until the app starts (an unknown type: not run). */
export const APP_FLIGHT_TYPE = "application/x-app-flight";
/** A stored page's marker in its payload's place: where the loader fetches it (./detached-flight.ts). */
export const APP_FLIGHT_SOURCE_ATTRIBUTE = "data-app-flight-src";
/** On <html> from a fresh load until the app is ready: cards off screen skip their layout. */
export const SKIP_OFFSCREEN_ATTRIBUTE = "data-skip-offscreen-cards";
/** The elements app/globals.css skips under that attribute (the same selector there). */
export const SKIPPED_CARDS = ".event-list > li";

/**
 * The inline loader, sent as its source text: plain ES2017 with no imports, since it runs before
 * anything else on the page. Exported for its unit test, which runs it in jsdom.
 */
export function appOnIntentLoader(
  deviceSavesCookie: string,
  readyEvent: string,
  attribute: string,
  flightType: string,
  heldForms: string,
  skipOffscreen: string,
  skippedCards: string,
  flightSource: string,
): void {
  // Read while this script runs: the payload's answer is joined with the document's own nonce.
  const current = document.currentScript as HTMLScriptElement | null;
  const nonce = (current && current.nonce) || "";
  // Cards off screen are laid out at the size they are guessed to have until they come near it
  // (decision 029). Where the browser restores an offset — Back to a document it did not keep, a
  // reload, and (once the app runs) Back within the app — every card must be laid out at its real
  // size, as when the visitor left, or the offset shows other events: not on those loads, and not
  // once the app is ready.
  const root = document.documentElement;
  const navigation = performance.getEntriesByType ? (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined) : undefined;
  const restoring = !!navigation && (navigation.type === "back_forward" || navigation.type === "reload");
  if (!restoring) root.setAttribute(skipOffscreen, "");
  // The card at the top of the screen stays where it is while the cards above it take their real
  // size: Chromium's scroll anchoring does not follow this change (measured: 224 px).
  function layOutWhole(): void {
    if (!root.hasAttribute(skipOffscreen)) return;
    const cards = document.querySelectorAll(skippedCards);
    let anchor: Element | null = null;
    let top = 0;
    for (let i = 0; i < cards.length && !anchor; i++) {
      const box = cards[i].getBoundingClientRect();
      if (box.bottom > 0) {
        anchor = cards[i];
        top = box.top;
      }
    }
    root.removeAttribute(skipOffscreen);
    const moved = anchor ? anchor.getBoundingClientRect().top - top : 0;
    if (moved) scrollBy(0, moved);
  }
  // "change": a choice in a <select> (a test driver can make one without a focus or a key).
  const intents = ["pointerdown", "touchstart", "keydown", "focusin", "wheel", "change"];
  const loaded: Record<string, boolean> = {};
  const held: { form?: HTMLFormElement; submitter?: HTMLElement | null; control?: HTMLElement }[] = [];
  // The last value typed, and the last state of a form-less checkbox, per field, before the app ran.
  const typed = new Map<HTMLInputElement | HTMLTextAreaElement, string>();
  const toggled = new Map<HTMLInputElement, boolean>();
  let started = false;
  let ready = false;
  let bypass = false;
  // The chunks the placeholders name that no script loads yet.
  function chunksToLoad(): string[] {
    const placeholders = document.querySelectorAll("script[" + attribute + "]");
    const sources: string[] = [];
    for (let i = 0; i < placeholders.length; i++) {
      const src = placeholders[i].getAttribute(attribute) || "";
      if (!loaded[src]) sources.push(src);
    }
    return sources;
  }
  // Downloaded while a stored page's payload comes, run only after it: Next reads the payload when it starts.
  function preload(): void {
    const sources = chunksToLoad();
    for (let i = 0; i < sources.length; i++) {
      const link = document.createElement("link");
      link.rel = "preload";
      link.setAttribute("as", "script");
      link.href = sources[i];
      link.nonce = nonce;
      document.head.appendChild(link);
    }
  }
  function load(): void {
    const sources = chunksToLoad();
    for (let i = 0; i < sources.length; i++) {
      loaded[sources[i]] = true;
      const script = document.createElement("script");
      script.src = sources[i];
      // The attribute, not only the property: React looks hoisted scripts up by `script[async]`.
      script.setAttribute("async", "");
      document.head.appendChild(script);
    }
  }
  // The RSC payload, in document order, into the queue Next's client reads when it runs: each
  // inert script holds `self.__next_f.push(<JSON>)` as Next wrote it (JSON.parse: no eval under the CSP).
  function queue(): unknown[] {
    const w = window as unknown as { __next_f?: unknown[] };
    return (w.__next_f = w.__next_f || []);
  }
  function pushPayload(): void {
    const inert = document.querySelectorAll('script[type="' + flightType + '"]:not([data-pushed]):not([' + flightSource + "])");
    for (let i = 0; i < inert.length; i++) {
      const text = inert[i].textContent || "";
      inert[i].setAttribute("data-pushed", "");
      queue().push(JSON.parse(text.slice(text.indexOf("(") + 1, text.lastIndexOf(")"))));
    }
  }
  // No app after all (its payload or a script did not come): held saves post as they would without
  // JavaScript, and later taps are left to the browser.
  let failed = false;
  function giveUp(): void {
    if (ready || failed) return;
    failed = true;
    bypass = true;
    replay();
    bypass = false;
  }
  // After the whole document is parsed, so every inert payload script, or the marker of a stored
  // page's payload (fetched first: Next's scripts run only after all of it is queued), is there.
  function begin(): void {
    const marker = document.querySelector("script[" + flightSource + "]");
    if (!marker) {
      pushPayload();
      load();
      return;
    }
    preload();
    fetch((marker.getAttribute(flightSource) || "") + "&nonce=" + encodeURIComponent(nonce), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("payload " + response.status);
        return response.json();
      })
      .then(function (segments: unknown[]) {
        for (let i = 0; i < segments.length; i++) queue().push(segments[i]);
        load();
      })
      .catch(giveUp);
  }
  function start(): void {
    if (started) return;
    started = true;
    for (let i = 0; i < intents.length; i++) removeEventListener(intents[i], start, true);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", begin);
    else begin();
  }
  // React's hydration sets a prefilled textarea's value back to the server's text: what the visitor
  // typed meanwhile is put back, with an input event so the component's state follows.
  function restoreTyped(): void {
    typed.forEach(function (value, field) {
      if (!field.isConnected || field.value === value) return;
      const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), "value");
      if (setter && setter.set) setter.set.call(field, value);
      field.dispatchEvent(new Event("input", { bubbles: true }));
    });
    typed.clear();
  }
  // A checkbox outside any form does nothing without the app (the timetable's columns): its
  // native toggle stays on screen, and once the app listens the same toggle is made again as a
  // click it sees (from the opposite state, whatever hydration left in the box).
  function replayToggles(): void {
    toggled.forEach(function (checked, box) {
      if (!box.isConnected) return;
      box.checked = !checked;
      box.click();
    });
    toggled.clear();
  }
  function replay(): void {
    restoreTyped();
    replayToggles();
    const items = held.splice(0, held.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      try {
        if (item.form) {
          (item.submitter || item.form).removeAttribute("aria-busy");
          item.form.requestSubmit(item.submitter || undefined);
        } else if (item.control) item.control.click();
      } catch {
        // A form or control the app replaced meanwhile: nothing left to replay it on.
      }
    }
  }
  for (let i = 0; i < intents.length; i++) addEventListener(intents[i], start, { capture: true, passive: true });
  addEventListener(readyEvent, function () {
    ready = true;
    layOutWhole();
    setTimeout(replay, 0);
  });
  // A checkbox fires "input" too; only one outside any form needs the app to act on it.
  addEventListener(
    "input",
    function (event: Event) {
      const field = event.target as HTMLInputElement | HTMLTextAreaElement;
      if (ready || !field || (field.tagName !== "TEXTAREA" && field.tagName !== "INPUT")) return;
      if (field.type === "checkbox") {
        if (!field.form) toggled.set(field as HTMLInputElement, (field as HTMLInputElement).checked);
      } else typed.set(field, field.value);
    },
    true,
  );
  addEventListener(
    "submit",
    function (event: SubmitEvent) {
      const form = event.target as HTMLFormElement;
      if (ready || bypass || failed || !form.matches || !form.matches(heldForms)) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      // On the control the visitor used (a save button; the save form itself shows nothing).
      (event.submitter || form).setAttribute("aria-busy", "true");
      held.push({ form: form, submitter: event.submitter });
      start();
      // The app did not come (a script failed to load): the form posts as it would without it.
      setTimeout(function () {
        if (ready || held.length === 0) return;
        bypass = true;
        replay();
        bypass = false;
      }, 8000);
    },
    true,
  );
  addEventListener(
    "click",
    function (event: MouseEvent) {
      const target = event.target as Element;
      if (ready || failed || !target.closest) return;
      const control = target.closest<HTMLElement>('button[type="button"]:not([popovertarget])');
      if (!control) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      held.push({ control: control });
      start();
    },
    true,
  );
  // The flag cookie lib/itinerary/device-saves.ts keeps beside the list (not the list itself: a
  // first read of localStorage blocks the main thread while the renderer opens it).
  if (document.cookie.split("; ").indexOf(deviceSavesCookie + "=1") >= 0) start();
}
