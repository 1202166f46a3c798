import type { PrismaClient } from "../generated/prisma/client";
import type { ProgrammeData } from "./programme-schema";
import { resolveProgramme } from "./resolve-programme";
import { syncEvents, type EventSyncCounts } from "./sync-events";
import { syncCategories, syncProgrammes, syncVenues } from "./sync-reference-data";

export interface SeedOptions {
  /** Receives progress lines ("events: 1000/3102"); silent when absent. */
  log?: (line: string) => void;
}

/** created, updated and unchanged count events; venues and events are the programme's totals. */
export interface SeedResult extends EventSyncCounts {
  venues: number;
  events: number;
}

// Any number, as long as every seed uses the same one.
const SEED_LOCK_KEY = 2017_06_10;

/**
 * Makes the database hold `data`: creates what is missing and rewrites only what differs, all in one
 * transaction. Bad data is rejected before the database is touched.
 */
export async function seedProgramme(prisma: PrismaClient, data: ProgrammeData, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const events = resolveProgramme(data);
  return prisma.$transaction(
    async (tx) => {
      // Two seeds at once would both try to create the same slugs; the second waits instead.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`;
      const venues = await syncVenues(tx, data.venues, log);
      const categories = await syncCategories(tx, data.categories, log);
      const programmes = await syncProgrammes(tx, data.programmes, log);
      const counts = await syncEvents(tx, events, { venues, categories, programmes }, log);
      return { venues: data.venues.length, events: events.length, ...counts };
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}
