import "server-only";
import { prisma } from "../db";

/** The venues, categories and programmes an event form offers (small tables, one query each). */
export async function listAdminChoices() {
  const [venues, categories, programmes] = await Promise.all([
    prisma.venue.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    prisma.category.findMany({ select: { slug: true, name: true, parentId: true }, orderBy: { name: "asc" } }),
    prisma.programme.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    venues,
    categories: categories.filter((category) => category.parentId === null).map(({ slug, name }) => ({ slug, name })),
    subcategories: categories.filter((category) => category.parentId !== null).map(({ slug, name }) => ({ slug, name })),
    programmes,
  };
}

export type AdminChoices = Awaited<ReturnType<typeof listAdminChoices>>;
