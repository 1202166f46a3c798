// Saves made before signing in live in the browser (localStorage) until sign-in merges them into
// the account. Any page can read them; a damaged value is treated as empty, never as an error.
import { MAX_DEVICE_SAVES } from "./itinerary-schemas";

export const DEVICE_SAVES_KEY = "expo2017.deviceSaves";

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

export function writeDeviceSaves(slugs: readonly string[]): void {
  const store = storage();
  if (!store) return;
  if (slugs.length === 0) store.removeItem(DEVICE_SAVES_KEY);
  else store.setItem(DEVICE_SAVES_KEY, JSON.stringify([...new Set(slugs)].slice(0, MAX_DEVICE_SAVES)));
}

export function addDeviceSave(slugs: readonly string[], slug: string): string[] {
  return slugs.includes(slug) ? [...slugs] : [...slugs, slug].slice(0, MAX_DEVICE_SAVES);
}

export function removeDeviceSave(slugs: readonly string[], slug: string): string[] {
  return slugs.filter((item) => item !== slug);
}
