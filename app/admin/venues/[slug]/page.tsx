import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminVenueForm } from "@/components/admin-venue-form";
import { getAdminVenue } from "@/lib/admin/admin-venues";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Edit venue", robots: { index: false } };

export default async function EditVenuePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireAdmin(`/admin/venues/${slug}`);
  const venue = await getAdminVenue(slug);
  if (!venue) notFound();
  return (
    <>
      <h1>Edit venue: {venue.name}</h1>
      <AdminVenueForm key={venue.updatedAt} venue={venue} />
    </>
  );
}
