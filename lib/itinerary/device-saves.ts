// Saves made before signing in live in the browser (localStorage) until sign-in merges them into
// the account. Any page can read them; a damaged value is treated as empty, never as an error.
// No import of the zod schemas here: this module runs on every page in the browser, and zod would
// add tens of KiB of JavaScript to each (issue 13's 150 KiB budget).

// A browser keeps at most this many saves before sign-in; more is not a visitor but a script.
export const MAX_DEVICE_SAVES = 500;

export const DEVICE_SAVES_KEY = "expo2017.deviceSaves";

/**
 * A flag beside the list, for the page's inline loader, which starts the app at once when this
 * device holds saves (docs/decisions/026): reading localStorage first thing held a phone's main
 * thread ~15 ms (the renderer opens the storage area synchronously), a cookie costs nothing.
 * The server never reads it.
 */
export const DEVICE_SAVES_COOKIE = "expo2017-device-saves";

/** Sets or clears the flag to match the list (called whenever the list is read anew). */
export function flagDeviceSaves(present: boolean): void {
  if (typeof document === "undefined") return;
  const secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${DEVICE_SAVES_COOKIE}=${present ? "1; max-age=31536000" : "; max-age=0"}; path=/; samesite=lax${secure}`;
}

/** The stored list as unique slugs, tolerating anything a user or an older version left there. */
export function parseDeviceSaves(raw: string | null): string[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const slugs = value.filter((item): item is string => typeof item === "string" && item.length > 0 && item.length <= 200);
  return [...new Set(slugs)].slice(0, MAX_DEVICE_SAVES);
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // blocked by the browser's privacy settings
  }
}

export function readDeviceSaves(): string[] {
  return parseDeviceSaves(storage()?.getItem(DEVICE_SAVES_KEY) ?? null);
}

const CHANGE_EVENT = "expo2017:device-saves";

export function writeDeviceSaves(slugs: readonly string[]): void {
  const store = storage();
  if (!store) return;
  if (slugs.length === 0) store.removeItem(DEVICE_SAVES_KEY);
  else store.setItem(DEVICE_SAVES_KEY, JSON.stringify([...new Set(slugs)].slice(0, MAX_DEVICE_SAVES)));
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

// For useSyncExternalStore: this tab's writes and other tabs' (the storage event) both notify, and
// the snapshot is the same array until the stored text changes, as React requires.
export function subscribeToDeviceSaves(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === DEVICE_SAVES_KEY || event.key === null) onChange();
  };
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}

let snapshot: { raw: string | null; slugs: string[] } = { raw: null, slugs: [] };

export function deviceSavesSnapshot(): string[] {
  const raw = storage()?.getItem(DEVICE_SAVES_KEY) ?? null;
  if (raw !== snapshot.raw) snapshot = { raw, slugs: parseDeviceSaves(raw) };
  return snapshot.slugs;
}

const NONE: string[] = [];
/** The server knows nothing of the device: no saves until hydration. */
export function serverDeviceSavesSnapshot(): string[] {
  return NONE;
}

export function addDeviceSave(slugs: readonly string[], slug: string): string[] {
  return slugs.includes(slug) ? [...slugs] : [...slugs, slug].slice(0, MAX_DEVICE_SAVES);
}

export function removeDeviceSave(slugs: readonly string[], slug: string): string[] {
  return slugs.filter((item) => item !== slug);
}
