// Thousands of events, so no query per event: one read of what is stored, createMany for the new
// ones and one UPDATE … FROM per chunk for the changed ones. Unchanged rows are not touched, so
// their updatedAt (the calendar feeds' DTSTAMP) stays put.
import type { Prisma } from "../generated/prisma/client";
import { changedFields } from "./changed-fields";
import type { ResolvedEvent } from "./resolve-programme";
import { requireId, type IdsBySlug } from "./sync-reference-data";

type Tx = Prisma.TransactionClient;
type Log = (line: string) => void;

const CHUNK_SIZE = 500;
/** A change to any of these is a change of time, place or status: calendars must see a new SEQUENCE. */
export const SCHEDULING_FIELDS = new Set(["startsAt", "endsAt", "venueId", "status"]);

export interface EventIds {
  venues: IdsBySlug;
  categories: IdsBySlug;
  programmes: IdsBySlug;
}

export interface EventSyncCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/** The iCalendar UID, fixed when the event is first created (docs/decisions/003-feed-uids.md). */
export function eventUid(slug: string): string {
  return `${slug}@expo2017-schedule`;
}

export async function syncEvents(tx: Tx, events: readonly ResolvedEvent[], ids: EventIds, log: Log): Promise<EventSyncCounts> {
  const rows = await tx.event.findMany({
    select: {
      slug: true,
      title: true,
      description: true,
      performers: true,
      categoryId: true,
      subcategoryId: true,
      venueId: true,
      programmeId: true,
      startsAt: true,
      endsAt: true,
      status: true,
      admission: true,
      source: true,
      timeIsIllustrative: true,
      searchText: true,
    },
  });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));

  const toCreate: (EventFields & { slug: string })[] = [];
  const toUpdate: (EventFields & { slug: string; bump: boolean })[] = [];
  for (const event of events) {
    const wanted = eventFields(event, ids);
    const row = bySlug.get(event.slug);
    if (!row) {
      toCreate.push({ slug: event.slug, ...wanted });
      continue;
    }
    const changed = changedFields(row, wanted);
    if (changed.length > 0) {
      toUpdate.push({ slug: event.slug, ...wanted, bump: changed.some((field) => SCHEDULING_FIELDS.has(field)) });
    }
  }
  const unchanged = events.length - toCreate.length - toUpdate.length;
  log(`events: ${events.length} in the programme (${unchanged} unchanged, ${toCreate.length} new, ${toUpdate.length} changed)`);

  let done = unchanged;
  for (const chunk of chunks(toCreate)) {
    await tx.event.createMany({ data: chunk.map((event) => ({ ...event, uid: eventUid(event.slug), sequence: 0 })) });
    done += chunk.length;
    log(`events: ${done}/${events.length}`);
  }
  for (const chunk of chunks(toUpdate)) {
    await updateEvents(tx, chunk);
    done += chunk.length;
    log(`events: ${done}/${events.length}`);
  }

  const wantedSlugs = new Set(events.map((event) => event.slug));
  const others = rows.filter((row) => !wantedSlugs.has(row.slug)).length;
  if (others > 0) log(`events: ${others} stored events are not in the programme and were left as they are`);
  return { created: toCreate.length, updated: toUpdate.length, unchanged };
}

type EventFields = ReturnType<typeof eventFields>;

function eventFields(event: ResolvedEvent, ids: EventIds) {
  return {
    title: event.title,
    description: event.description,
    performers: event.performers,
    categoryId: requireId(ids.categories, event.categorySlug, "category"),
    subcategoryId: event.subcategorySlug === null ? null : requireId(ids.categories, event.subcategorySlug, "category"),
    venueId: requireId(ids.venues, event.venueSlug, "venue"),
    programmeId: event.programmeSlug === null ? null : requireId(ids.programmes, event.programmeSlug, "programme"),
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    status: event.status,
    admission: event.admission,
    source: event.source,
    timeIsIllustrative: event.timeIsIllustrative,
    searchText: event.searchText,
  };
}

// Prisma has no bulk update with a value per row; jsonb_to_recordset turns the chunk into a table
// to join on. The uid is not in the SET list: it never changes once created. updatedAt comes from
// this process's clock, like Prisma's own @updatedAt on the rows createMany writes.
async function updateEvents(tx: Tx, events: readonly (EventFields & { slug: string; bump: boolean })[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Event" AS e SET
      "title" = v."title",
      "description" = v."description",
      "performers" = v."performers",
      "categoryId" = v."categoryId",
      "subcategoryId" = v."subcategoryId",
      "venueId" = v."venueId",
      "programmeId" = v."programmeId",
      "startsAt" = v."startsAt",
      "endsAt" = v."endsAt",
      "status" = v."status"::"EventStatus",
      "admission" = v."admission"::"Admission",
      "source" = v."source"::"EventSource",
      "timeIsIllustrative" = v."timeIsIllustrative",
      "searchText" = v."searchText",
      "sequence" = e."sequence" + CASE WHEN v."bump" THEN 1 ELSE 0 END,
      "updatedAt" = ${new Date().toISOString()}::timestamptz
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS v(
      "slug" text, "title" text, "description" text, "performers" text[], "categoryId" integer,
      "subcategoryId" integer, "venueId" integer, "programmeId" integer, "startsAt" timestamptz,
      "endsAt" timestamptz, "status" text, "admission" text, "source" text,
      "timeIsIllustrative" boolean, "searchText" text, "bump" boolean
    )
    WHERE e."slug" = v."slug"`;
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK_SIZE) result.push(items.slice(i, i + CHUNK_SIZE));
  return result;
}
