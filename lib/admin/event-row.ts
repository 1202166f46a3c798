import { formatAstanaInput } from "./astana-input-time";
import type { StoredEventRow } from "./stored-event";

// One event in the organisers' own terms: the CSV columns (README "Organiser tools") and the
// JSON export use exactly this, so exporting and importing again changes nothing.

export const CSV_COLUMNS = [
  "slug",
  "title",
  "start",
  "end",
  "venue",
  "category",
  "status",
  "subcategory",
  "programme",
  "admission",
  "description",
  "performers",
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

export interface ProgrammeRow {
  slug: string;
  title: string;
  start: string;
  end: string;
  venue: string;
  category: string;
  status: string;
  subcategory: string;
  programme: string;
  admission: string;
  description: string;
  performers: string[];
}

export function programmeRowOf(row: StoredEventRow): ProgrammeRow {
  return {
    slug: row.slug,
    title: row.title,
    start: formatAstanaInput(row.startsAt),
    end: formatAstanaInput(row.endsAt),
    venue: row.venue.slug,
    category: row.category.slug,
    status: row.status.toLowerCase(),
    subcategory: row.subcategory?.slug ?? "",
    programme: row.programme?.slug ?? "",
    admission: row.admission.toLowerCase(),
    description: row.description,
    performers: row.performers,
  };
}

/** What /api/admin/events answers: the row plus what an editor needs (version) or may want to see. */
export function adminEventJson(row: StoredEventRow) {
  return {
    ...programmeRowOf(row),
    uid: row.uid,
    version: row.version,
    sequence: row.sequence,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeIsIllustrative: row.timeIsIllustrative,
    updatedAt: row.updatedAt.toISOString(),
    saves: row._count.savedBy,
  };
}

export type AdminEventJson = ReturnType<typeof adminEventJson>;
