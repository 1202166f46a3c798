import "server-only";
import { prisma } from "../db";

export interface CategoryOption {
  slug: string;
  name: string;
  subtypes: { slug: string; name: string }[];
}

export interface FilterOptions {
  categories: CategoryOption[];
  venues: { slug: string; name: string }[];
  programmes: { slug: string; name: string }[];
}

/** The choices of the schedule's filter form: three small queries, run in parallel. */
export async function getFilterOptions(): Promise<FilterOptions> {
  const [categories, venues, programmes] = await Promise.all([
    prisma.category.findMany({ select: { slug: true, name: true, parentId: true, id: true }, orderBy: { id: "asc" } }),
    prisma.venue.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.programme.findMany({ select: { slug: true, name: true }, orderBy: [{ date: "asc" }, { name: "asc" }] }),
  ]);
  const tops = categories.filter((c) => c.parentId === null);
  return {
    categories: tops.map((top) => ({
      slug: top.slug,
      name: top.name,
      subtypes: categories.filter((c) => c.parentId === top.id).map((c) => ({ slug: c.slug, name: c.name })),
    })),
    venues,
    programmes,
  };
}
