// The shape of prisma/data/expo-2017.json. Strict objects, so a misspelt key in the data file is an
// error instead of a silently ignored field. Cross-references (venue, category and programme slugs,
// times inside the expo) are checked later by resolveProgramme, once generated events are added.
import { z } from "zod";
import { parseIsoDate } from "../time/astana";
import { Admission, EventSource, EventStatus, ProgrammeKind, VenueKind } from "../generated/prisma/enums";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens");
const isoDate = z.string().refine((value) => parseIsoDate(value) !== null, "must be a date YYYY-MM-DD");
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time HH:MM");
const text = z.string().trim().min(1);

export const venueSchema = z.strictObject({
  slug,
  name: text,
  kind: z.enum(VenueKind),
  description: z.string().default(""),
  address: text,
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  /** For pavilions, the country shown there; used by the generator, not stored. */
  country: text.optional(),
});

export const categorySchema = z.strictObject({
  slug,
  name: text,
  /** Slug of the top-level category; absent for top-level categories. */
  parent: slug.optional(),
});

export const timelineEntrySchema = z.strictObject({
  position: z.number().int().positive(),
  date: isoDate,
  /** The article's own wording, e.g. "23-25 August 1995". */
  dateLabel: text,
  text,
});

export const programmeSchema = z.strictObject({
  slug,
  name: text,
  kind: z.enum(ProgrammeKind),
  country: text.optional(),
  date: isoDate.optional(),
  summary: z.string().default(""),
  timeline: z.array(timelineEntrySchema).default([]),
});

/** Times are Astana wall-clock; an `end` earlier than `start` falls on the next day. */
export const eventSchema = z.strictObject({
  slug,
  title: text,
  description: z.string().default(""),
  performers: z.array(text).default([]),
  category: slug,
  subcategory: slug.optional(),
  venue: slug,
  programme: slug.optional(),
  date: isoDate,
  start: localTime,
  end: localTime,
  timeIsIllustrative: z.boolean(),
  admission: z.enum(Admission),
  status: z.enum(EventStatus).default("SCHEDULED"),
  source: z.enum(EventSource),
  /** Which article sentence the event comes from; kept in the data file only. */
  sourceQuote: text.optional(),
});

export const programmeFileSchema = z.strictObject({
  version: z.literal(1),
  about: z.string().optional(),
  venues: z.array(venueSchema).min(1),
  categories: z.array(categorySchema).min(1),
  programmes: z.array(programmeSchema),
  events: z.array(eventSchema.extend({ sourceQuote: text })),
});

export type VenueInput = z.output<typeof venueSchema>;
export type CategoryInput = z.output<typeof categorySchema>;
export type TimelineEntryInput = z.output<typeof timelineEntrySchema>;
export type ProgrammeInput = z.output<typeof programmeSchema>;
export type EventInput = z.output<typeof eventSchema>;
export type ProgrammeFile = z.output<typeof programmeFileSchema>;

/** Everything a seed writes: the data file's contents plus, usually, the generated events. */
export interface ProgrammeData {
  venues: VenueInput[];
  categories: CategoryInput[];
  programmes: ProgrammeInput[];
  events: EventInput[];
}
