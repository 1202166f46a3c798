"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect } from "react";
import { addDeviceSave, readDeviceSaves, removeDeviceSave, writeDeviceSaves } from "@/lib/itinerary/device-saves";
import { APP_READY_EVENT, SAVE_FORM_ID } from "@/lib/page-cache/app-on-intent-loader";
import { useSavedEvents } from "./saved-events-provider";

const BUTTON_SELECTOR = "button.save-event";
const MESSAGE_CLASS = "save-event-message";

function setSaved(button: HTMLButtonElement, saved: boolean): void {
  button.dataset.saved = saved ? "true" : "false";
}

function showMessage(button: HTMLButtonElement, text: string | null): void {
  const next = button.nextElementSibling;
  if (next?.classList.contains(MESSAGE_CLASS)) next.remove();
  if (!text) return;
  // Created here, not by React: React renders nothing in this place, so it never touches it.
  const message = document.createElement("span");
  message.className = `${MESSAGE_CLASS} error-text`;
  message.setAttribute("role", "alert");
  message.textContent = text;
  button.after(message);
}

/**
 * The one script behind every save button and event-card link of a page (issue 13: a client
 * component per card cost the phone's main thread more than the cards themselves). Mounted once in
 * the root layout. Before it runs, the buttons post the page's save form to the server action and
 * the links load pages; once it runs:
 * - a save flips the button's label at once and posts through the same server action (signed in),
 *   put back with a message if the server refuses; signed out, it is kept on this device;
 * - a signed-out visitor's device saves are shown on every button of the page, after each navigation;
 * - a tap on a card's link (`data-app-link`) is a client navigation, like next/link's, without a
 *   Link component (and its prefetch observer) per card.
 */
export function SaveFormsEnhancer() {
  const { account, deviceSaves, saveAction } = useSavedEvents();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  // Signed out, the server rendered every form unsaved: show this device's saves.
  useEffect(() => {
    if (account) return;
    const saved = new Set(deviceSaves);
    for (const button of document.querySelectorAll<HTMLButtonElement>(BUTTON_SELECTOR)) setSaved(button, saved.has(button.value));
  }, [account, deviceSaves, pathname, searchParams]);

  useEffect(() => {
    function onSubmit(event: SubmitEvent) {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.id !== SAVE_FORM_ID) return;
      // Prevented in the capture phase, before React's own form-action handling sees the event.
      event.preventDefault();
      // The card's button says which event; a submit without one (a script's requestSubmit()) has none.
      const button = event.submitter;
      if (!(button instanceof HTMLButtonElement) || !button.matches(BUTTON_SELECTOR)) return;
      const slug = button.value;
      const wasSaved = button.dataset.saved === "true";
      showMessage(button, null);
      setSaved(button, !wasSaved);
      if (!account) {
        const current = readDeviceSaves();
        writeDeviceSaves(wasSaved ? removeDeviceSave(current, slug) : addDeviceSave(current, slug));
        return;
      }
      // Not the button's own name: the label may have flipped since the server rendered it.
      const formData = new FormData(form);
      formData.set(wasSaved ? "remove" : "save", slug);
      button.disabled = true;
      const failed = (message: string) => {
        setSaved(button, wasSaved);
        showMessage(button, `${button.dataset.title}: ${message}`);
      };
      saveAction(formData)
        .then((result) => {
          if (!result.ok) failed(result.message);
        })
        .catch(() => failed("No connection: the itinerary was not changed. Try again."))
        .finally(() => {
          button.disabled = false;
        });
    }

    function onClick(event: MouseEvent) {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>("a[data-app-link]") : null;
      if (!link || link.origin !== window.location.origin) return;
      event.preventDefault();
      router.push(`${link.pathname}${link.search}${link.hash}`);
    }

    window.addEventListener("submit", onSubmit, true);
    document.addEventListener("click", onClick);
    return () => {
      window.removeEventListener("submit", onSubmit, true);
      document.removeEventListener("click", onClick);
    };
  }, [account, saveAction, router]);

  // After the listeners above: a save tapped before the app was ready is replayed now
  // (lib/page-cache/app-on-intent.ts holds it until this event).
  // The flag is for a reader that comes after the event (the e2e tests' startApp).
  useEffect(() => {
    (window as unknown as { expoAppReady?: boolean }).expoAppReady = true;
    window.dispatchEvent(new Event(APP_READY_EVENT));
  }, []);

  return null;
}
