// The visitor's display-zone choice, kept in localStorage so it survives reloads. Read through
// useSyncExternalStore: the server snapshot is always Astana, so server HTML and the first client
// render agree and the chosen zone appears right after hydration.
import { ASTANA_TIME_ZONE } from "./astana";
import { isValidTimeZone } from "./format";

export const DISPLAY_ZONE_STORAGE_KEY = "expo2017.displayZone";
/** Stored instead of a zone name so the choice follows the device when it travels. */
export const DEVICE_ZONE_CHOICE = "device";

const CHANGE_EVENT = "expo2017:display-zone";

export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The stored choice: "Asia/Almaty" (default), "device" or an IANA zone name. */
export function readZoneChoice(): string {
  try {
    const stored = window.localStorage.getItem(DISPLAY_ZONE_STORAGE_KEY);
    if (stored === DEVICE_ZONE_CHOICE || (stored && isValidTimeZone(stored))) return stored;
  } catch {
    // Storage can be blocked (private mode); Astana time is the safe answer.
  }
  return ASTANA_TIME_ZONE;
}

export function serverZoneChoice(): string {
  return ASTANA_TIME_ZONE;
}

export function writeZoneChoice(choice: string): void {
  try {
    window.localStorage.setItem(DISPLAY_ZONE_STORAGE_KEY, choice);
  } catch {
    // Without storage the choice still applies until the page is left.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

export function subscribeToZoneChoice(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function zoneForChoice(choice: string): string {
  return choice === DEVICE_ZONE_CHOICE ? deviceTimeZone() : choice;
}
