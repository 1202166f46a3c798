// The browser's view of "what have I saved": one store shared by every save button, the account
// menu and the device-saves notice, so a page with fifty event cards asks the server once.
// Signed in, saves go to the API; signed out, to localStorage (lib/itinerary/device-saves.ts),
// merged into the account on the first page load after sign-in.
import { addDeviceSave, readDeviceSaves, removeDeviceSave, writeDeviceSaves, DEVICE_SAVES_KEY } from "./device-saves";

export type AccountState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; name: string | null; email: string | null };

export interface MergeNotice {
  added: number;
  notAdded: { slug: string; reason: "unknown" | "cancelled" }[];
}

export interface SavedEventsState {
  account: AccountState;
  saved: ReadonlySet<string>;
  deviceSaves: readonly string[];
  mergeNotice: MergeNotice | null;
}

const INITIAL: SavedEventsState = { account: { status: "loading" }, saved: new Set(), deviceSaves: [], mergeNotice: null };

let state: SavedEventsState = INITIAL;
const listeners = new Set<() => void>();
let loading: Promise<void> | null = null;

function setState(next: Partial<SavedEventsState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSnapshot(): SavedEventsState {
  return state;
}

export function getServerSnapshot(): SavedEventsState {
  return INITIAL;
}

async function fetchJson(url: string, init?: RequestInit): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, { credentials: "same-origin", cache: "no-store", ...init });
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: response.status, body };
}

async function load(): Promise<void> {
  const deviceSaves = readDeviceSaves();
  let session: Record<string, unknown> = {};
  try {
    session = (await fetchJson("/api/auth/session")).body;
  } catch {
    session = {};
  }
  const user = session.user as { name?: string | null; email?: string | null } | undefined;
  if (!user) {
    setState({ account: { status: "signed-out" }, deviceSaves, saved: new Set(deviceSaves) });
    return;
  }
  let mergeNotice: MergeNotice | null = null;
  if (deviceSaves.length > 0) {
    const merged = await fetchJson("/api/itinerary/merge", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ slugs: deviceSaves }),
    }).catch(() => null);
    if (merged?.status === 200) {
      const report = merged.body as { added: string[]; unknown: string[]; cancelled: string[] };
      writeDeviceSaves([]);
      const notAdded = [
        ...report.unknown.map((slug) => ({ slug, reason: "unknown" as const })),
        ...report.cancelled.map((slug) => ({ slug, reason: "cancelled" as const })),
      ];
      // Nothing worth saying when every device save was already in the account.
      if (report.added.length > 0 || notAdded.length > 0) mergeNotice = { added: report.added.length, notAdded };
    }
  }
  const itinerary = await fetchJson("/api/itinerary").catch(() => null);
  const items = (itinerary?.status === 200 ? itinerary.body.items : []) as { slug: string }[];
  setState({
    account: { status: "signed-in", name: user.name ?? null, email: user.email ?? null },
    deviceSaves: readDeviceSaves(),
    saved: new Set(items.map((item) => item.slug)),
    mergeNotice,
  });
}

/** Loads once per page load; later calls share the same promise. */
export function ensureLoaded(): Promise<void> {
  if (typeof window === "undefined") return Promise.resolve();
  if (!loading) {
    loading = load();
    // Another tab changed this browser's saves: follow it while signed out.
    window.addEventListener("storage", (event) => {
      if (event.key !== DEVICE_SAVES_KEY || state.account.status !== "signed-out") return;
      const deviceSaves = readDeviceSaves();
      setState({ deviceSaves, saved: new Set(deviceSaves) });
    });
  }
  return loading;
}

export type ToggleResult = { ok: true; saved: boolean } | { ok: false; message: string };

function withSlug(set: ReadonlySet<string>, slug: string, present: boolean): Set<string> {
  const next = new Set(set);
  if (present) next.add(slug);
  else next.delete(slug);
  return next;
}

/** Saves or removes at once on screen; if the server refuses, puts it back and says why. */
export async function toggleSaved(slug: string): Promise<ToggleResult> {
  await ensureLoaded();
  const wasSaved = state.saved.has(slug);
  const nowSaved = !wasSaved;
  if (state.account.status !== "signed-in") {
    const deviceSaves = nowSaved ? addDeviceSave(readDeviceSaves(), slug) : removeDeviceSave(readDeviceSaves(), slug);
    writeDeviceSaves(deviceSaves);
    setState({ deviceSaves, saved: new Set(deviceSaves) });
    return { ok: true, saved: nowSaved };
  }
  setState({ saved: withSlug(state.saved, slug, nowSaved) });
  let failure: string;
  try {
    const response = await fetchJson(`/api/itinerary/${encodeURIComponent(slug)}`, {
      method: nowSaved ? "PUT" : "DELETE",
      headers: { "Content-Type": "application/json" },
      body: nowSaved ? "{}" : undefined,
      // The button flips at once, so a visitor may leave the page before the answer: finish anyway.
      keepalive: true,
    });
    if (response.status < 300) return { ok: true, saved: nowSaved };
    failure =
      response.status === 401
        ? "Your session has ended. Sign in again to change your itinerary."
        : typeof response.body.error === "string"
          ? response.body.error
          : "The itinerary could not be changed. Try again.";
  } catch {
    failure = "No connection: the itinerary was not changed. Try again.";
  }
  setState({ saved: withSlug(state.saved, slug, wasSaved) });
  return { ok: false, message: failure };
}

/** After the itinerary page removed an event itself. */
export function markRemoved(slug: string): void {
  setState({ saved: withSlug(state.saved, slug, false) });
}

export function dismissMergeNotice(): void {
  setState({ mergeNotice: null });
}
