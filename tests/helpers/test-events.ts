// Events made by tests. Their slugs must start with "test-" so resetTestEvents (tests/helpers/db.ts)
// removes them; the seeded programme is never changed by a test.
import { prisma } from "@/lib/db";

export interface TestEventSpec {
  slug: string;
  /** ISO instants, e.g. "2017-08-14T13:00:00Z" (19:00 in Astana in 2017). */
  start: string;
  end: string;
  /** A seeded venue's slug; "nur-alem" unless given. */
  venue?: string;
  status?: "SCHEDULED" | "CANCELLED";
}

/** Creates the events in one statement; returns their ids by slug. */
export async function createTestEvents(specs: TestEventSpec[]): Promise<Map<string, number>> {
  if (specs.some((spec) => !spec.slug.startsWith("test-"))) throw new Error("test event slugs start with test-");
  const venueOf = (spec: TestEventSpec) => spec.venue ?? "nur-alem";
  const [category, venues] = await Promise.all([
    prisma.category.findFirstOrThrow({ where: { parentId: null }, select: { id: true } }),
    prisma.venue.findMany({ where: { slug: { in: [...new Set(specs.map(venueOf))] } }, select: { id: true, slug: true } }),
  ]);
  const venueIds = new Map(venues.map((venue) => [venue.slug, venue.id]));
  const created = await prisma.event.createManyAndReturn({
    data: specs.map((spec) => ({
      slug: spec.slug,
      uid: `${spec.slug}@expo2017-schedule`,
      title: `Title of ${spec.slug}`,
      description: `Description of ${spec.slug}.`,
      categoryId: category.id,
      venueId: venueIds.get(venueOf(spec)) ?? missingVenue(venueOf(spec)),
      startsAt: new Date(spec.start),
      endsAt: new Date(spec.end),
      status: spec.status ?? "SCHEDULED",
      source: "GENERATED" as const,
    })),
    select: { id: true, slug: true },
  });
  return new Map(created.map((event) => [event.slug, event.id]));
}

/** One event; returns its id. */
export async function createTestEvent(slug: string, start: string, end: string, venue = "astana-opera"): Promise<number> {
  const ids = await createTestEvents([{ slug, start, end, venue }]);
  return ids.get(slug)!;
}

function missingVenue(slug: string): never {
  throw new Error(`no seeded venue "${slug}"`);
}
