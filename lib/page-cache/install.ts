import { randomBytes } from "node:crypto";
import { programmeVersion } from "../cache/programme-reads";
import { createNonce } from "../security/content-security-policy";
import { defaultExpoDay } from "../time/expo-dates";
import { configuredPublicOrigin } from "../http/public-base-url";
import { eventsAnswer } from "../schedule/events-answer";
import { inProcessFill, type DirectAnswer } from "./direct-fill";
import { interceptRequests } from "../http/request-hook";
import { frontDoor } from "./front-door";
import { PageHtmlStore } from "./page-html-store";

// Puts the page front door (./front-door.ts) in front of every http.Server of this process, the way
// lib/security/node-request-guard.ts does: Next offers no hook before its router, and answering
// there is what makes a cached page cost about as much as a bare Node.js answer. Installed from
// instrumentation.ts before the request guard, so the guard still runs first.

const parked = globalThis as unknown as { expoPageHtmlStore?: PageHtmlStore; expoPageFrontDoor?: boolean };

/** The process's one store of page HTML, for tests and the benchmark's counters. */
export const pageHtmlStore: PageHtmlStore = (parked.expoPageHtmlStore ??= new PageHtmlStore());

/** Where this server listens for its own fills: `next start` records its port in PORT. */
function ownOrigin(): string {
  return `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
}

/**
 * /api/events in process, only where NEXTAUTH_URL names the public origin: without it the answer's
 * URLs come from Next's own reading of the request's origin, which is Next's to make. The stored
 * text and the headers the route's Response carries (cachedJsonResponse), without that Response;
 * tests/integration/events-answer-in-process.test.ts compares the two.
 */
export async function answerEventsInProcess(url: string): Promise<DirectAnswer | null> {
  const origin = configuredPublicOrigin();
  if (!origin) return null;
  const stored = await eventsAnswer(new URL(url).searchParams, origin);
  if (stored instanceof Response) return { status: stored.status };
  const headers: [string, string][] = [["cache-control", stored.cacheControl], ["content-type", stored.contentType], ["etag", stored.etag]];
  return { status: 200, headers, body: stored.body, etag: stored.etag };
}

export function installPageFrontDoor(): void {
  if (parked.expoPageFrontDoor) return;
  parked.expoPageFrontDoor = true;
  const options = {
    store: pageHtmlStore,
    version: () => programmeVersion.current(),
    today: () => defaultExpoDay(),
    origin: ownOrigin,
    secret: randomBytes(32).toString("base64url"),
    createNonce,
    // A search nobody asked before is answered in process, not by a request to this server (decision 024).
    fill: inProcessFill([{ path: "/api/events", answer: answerEventsInProcess }]),
  };
  const door = frontDoor(options);
  interceptRequests((request, response, pass) => door(request, response, pass));
}
