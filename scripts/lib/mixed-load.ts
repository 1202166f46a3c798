// The load benchmark's traffic (issue 11, item 6): a fixed, seeded mix of pages, API reads, feeds
// and saves/removals by signed-in visitors, sent by CONCURRENCY lanes at once. Every visitor's
// operations go to one lane, so they reach the server in the order planned and the confirmed
// answers say exactly what the database must hold at the end.
import type { LoadUser } from "./load-users";

export interface Task {
  kind: string;
  method: "GET" | "PUT" | "DELETE";
  path: string;
  user?: LoadUser;
  /** For saves and removals: which pair it changes and to what. */
  save?: { userId: string; slug: string; saved: boolean };
}

export interface Catalogue {
  eventSlugs: string[];
  venueSlugs: string[];
  dates: string[];
}

export interface LoadReport {
  statuses: Map<string, Map<string, number>>;
  durations: Map<string, number[]>;
  /** The last confirmed state of every (user, event) pair a save or removal touched. */
  confirmed: Map<string, boolean>;
  serverErrors: number;
  failures: number;
  seconds: number;
}

/** mulberry32: a seeded generator, so every run sends the same traffic. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function planLoad(users: LoadUser[], catalogue: Catalogue, total: number, lanes: number, seed = 2017): Task[][] {
  const next = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const planned: Task[][] = Array.from({ length: lanes }, () => []);
  // Each visitor saves among a dozen events, so removals mostly hit saved ones.
  const pools = users.map(() => Array.from({ length: 12 }, () => pick(catalogue.eventSlugs)));
  for (let index = 0; index < total; index++) {
    const roll = next();
    if (roll < 0.45) {
      const userIndex = Math.floor(next() * users.length);
      const user = users[userIndex];
      const lane = planned[userIndex % lanes];
      if (roll < 0.37) {
        const slug = pick(pools[userIndex]);
        const saved = next() < 0.6;
        lane.push({ kind: saved ? "save (PUT)" : "remove (DELETE)", method: saved ? "PUT" : "DELETE", path: `/api/itinerary/${slug}`, user, save: { userId: user.id, slug, saved } });
      } else {
        lane.push({ kind: "GET /api/itinerary", method: "GET", path: "/api/itinerary", user });
      }
      continue;
    }
    const lane = planned[Math.floor(next() * lanes)];
    if (roll < 0.65) {
      const page = pick([`/schedule?date=${pick(catalogue.dates)}`, `/events/${pick(catalogue.eventSlugs)}`, `/venues/${pick(catalogue.venueSlugs)}`, "/"]);
      lane.push({ kind: "page", method: "GET", path: page });
    } else if (roll < 0.8) {
      lane.push({ kind: "GET /api/events", method: "GET", path: `/api/events?date=${pick(catalogue.dates)}&limit=200` });
    } else if (roll < 0.9) {
      lane.push({ kind: "feed", method: "GET", path: next() < 0.5 ? "/calendar/expo-2017.ics" : `/calendar/events/${pick(catalogue.eventSlugs)}.ics` });
    } else {
      lane.push({ kind: "GET /api/venues, national-days", method: "GET", path: next() < 0.5 ? "/api/venues" : "/api/national-days" });
    }
  }
  return planned;
}

export async function runLoad(baseUrl: string, lanes: Task[][]): Promise<LoadReport> {
  const report: LoadReport = { statuses: new Map(), durations: new Map(), confirmed: new Map(), serverErrors: 0, failures: 0, seconds: 0 };
  const count = (kind: string, status: string) => {
    const byStatus = report.statuses.get(kind) ?? new Map<string, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    report.statuses.set(kind, byStatus);
  };
  const started = performance.now();
  await Promise.all(
    lanes.map(async (tasks) => {
      for (const task of tasks) {
        const headers: Record<string, string> = {};
        if (task.user) headers.cookie = task.user.cookie;
        if (task.method !== "GET") Object.assign(headers, { origin: baseUrl, "content-type": "application/json" });
        const begun = performance.now();
        try {
          const response = await fetch(baseUrl + task.path, { method: task.method, headers, body: task.method === "PUT" ? "{}" : undefined, redirect: "manual" });
          await response.arrayBuffer();
          const durations = report.durations.get(task.kind) ?? [];
          durations.push(performance.now() - begun);
          report.durations.set(task.kind, durations);
          count(task.kind, String(response.status));
          if (response.status >= 500) report.serverErrors += 1;
          // Only a 2xx confirms; anything else leaves the pair as it was.
          if (task.save && response.status >= 200 && response.status < 300) report.confirmed.set(`${task.save.userId} ${task.save.slug}`, task.save.saved);
        } catch (error) {
          report.failures += 1;
          count(task.kind, `error (${(error as Error).message})`);
        }
      }
    }),
  );
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

export function percentile(values: number[], share: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

/**
 * Pairs confirmed as saved but missing, and pairs stored although the last confirmed answer
 * removed them or no answer ever confirmed them.
 */
export function compareSaves(confirmed: Map<string, boolean>, stored: Set<string>): { missing: string[]; extra: string[]; saved: number } {
  const missing: string[] = [];
  const extra: string[] = [];
  let saved = 0;
  for (const [pair, isSaved] of confirmed) {
    if (isSaved) saved += 1;
    if (isSaved && !stored.has(pair)) missing.push(pair);
    if (!isSaved && stored.has(pair)) extra.push(pair);
  }
  for (const pair of stored) if (!confirmed.has(pair)) extra.push(pair);
  return { missing, extra, saved };
}
