import "server-only";
import { z } from "zod";
import { prisma } from "../db";
import { SLUG_PATTERN } from "../http/paths";
import { problemsFromZod, type ParameterProblem } from "../http/problems";
import { readSearchParams } from "../schedule/event-filters";
import { astanaDayRange, parseIsoDate } from "../time/astana";
import { EXPO_FIRST_DAY, EXPO_LAST_DAY, isExpoDay } from "../time/expo-dates";
import { planDayRoute, type DayRoute } from "./route";
import { buildSitePlan, type MapVenue, type SitePlan } from "./site-plan";

/** /map's query: one input, one schema. */
export const mapParamsSchema = z
  .object({
    venue: z.string().regex(SLUG_PATTERN, "is not a venue slug").max(100).optional(),
    date: z
      .string()
      .refine((value) => parseIsoDate(value) !== null, "is not a date (use YYYY-MM-DD)")
      .refine((value) => isExpoDay(value), `is outside the expo (${EXPO_FIRST_DAY} to ${EXPO_LAST_DAY})`)
      .optional(),
    route: z.enum(["itinerary"], { error: 'must be "itinerary"' }).optional(),
  })
  .refine((params) => !params.route || params.date, { path: ["date"], message: "is needed to draw a route" });

export type MapParams = z.infer<typeof mapParamsSchema>;

export function parseMapParams(params: Record<string, string | string[] | undefined>): { ok: true; value: MapParams } | { ok: false; details: ParameterProblem[] } {
  const raw = readSearchParams(params, ["venue", "date", "route"]);
  if (!raw.ok) return raw;
  const parsed = mapParamsSchema.safeParse(raw.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, details: problemsFromZod(parsed.error) };
}

export interface MapView {
  plan: SitePlan;
  highlighted: MapVenue | null;
  route: DayRoute | null;
  problems: ParameterProblem[];
}

/**
 * Every venue placed on the plan, the one asked for highlighted, and, for a signed-in visitor who
 * asked for it, the route through that day's saved events. Two queries.
 */
export async function getMapView(params: MapParams, userId: string | null): Promise<MapView> {
  const day = params.route && params.date ? astanaDayRange(params.date) : null;
  const [venues, saved] = await Promise.all([
    prisma.venue.findMany({ select: { slug: true, name: true, kind: true, latitude: true, longitude: true }, orderBy: [{ kind: "asc" }, { name: "asc" }] }),
    day && userId
      ? prisma.savedEvent.findMany({
          where: { userId, event: { startsAt: { gte: day.start, lt: day.end } } },
          select: {
            event: {
              select: {
                slug: true,
                title: true,
                startsAt: true,
                endsAt: true,
                status: true,
                venue: { select: { slug: true, name: true, latitude: true, longitude: true } },
              },
            },
          },
        })
      : null,
  ]);
  const highlighted = params.venue ? (venues.find((venue) => venue.slug === params.venue) ?? null) : null;
  const problems: ParameterProblem[] = params.venue && !highlighted ? [{ parameter: "venue", message: `unknown venue "${params.venue}"` }] : [];
  const route = saved ? planDayRoute(saved.map(({ event }) => ({ ...event, cancelled: event.status === "CANCELLED" }))) : null;
  return { plan: buildSitePlan(venues), highlighted, route, problems };
}
