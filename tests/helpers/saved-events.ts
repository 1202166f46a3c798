import { prisma } from "@/lib/db";

/** The slugs a user has saved, in slug order: what the database really holds, not what an API said. */
export async function savedSlugs(userId: string): Promise<string[]> {
  const rows = await prisma.savedEvent.findMany({
    where: { userId },
    select: { event: { select: { slug: true } } },
    orderBy: { event: { slug: "asc" } },
  });
  return rows.map((row) => row.event.slug);
}
