// Events made for itinerary tests (slugs start with "test-", removed by resetTestEvents).
import { prisma } from "@/lib/db";

export interface TestEventSpec {
  slug: string;
  start: string;
  end: string;
  venue?: string;
  status?: "SCHEDULED" | "CANCELLED";
}

export async function createTestEvents(specs: TestEventSpec[]): Promise<void> {
  const category = await prisma.category.findFirstOrThrow({ where: { parentId: null }, select: { id: true } });
  const venues = await prisma.venue.findMany({
    where: { slug: { in: [...new Set(specs.map((spec) => spec.venue ?? "nur-alem"))] } },
    select: { id: true, slug: true },
  });
  const venueIds = new Map(venues.map((venue) => [venue.slug, venue.id]));
  await prisma.event.createMany({
    data: specs.map((spec) => ({
      slug: spec.slug,
      uid: `${spec.slug}@expo2017-schedule`,
      title: `Title of ${spec.slug}`,
      categoryId: category.id,
      venueId: venueIds.get(spec.venue ?? "nur-alem")!,
      startsAt: new Date(spec.start),
      endsAt: new Date(spec.end),
      status: spec.status ?? "SCHEDULED",
      source: "GENERATED" as const,
    })),
  });
}
