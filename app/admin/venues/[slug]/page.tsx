import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminDeleteButton } from "@/components/admin-delete-button";
import { AdminVenueForm } from "@/components/admin-venue-form";
import { getAdminVenue } from "@/lib/admin/venue-editor";
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
      <AdminDeleteButton url={`/api/admin/venues/${venue.slug}?updatedAt=${encodeURIComponent(venue.updatedAt)}`} what="this venue" afterwards="/admin/venues" />
    </>
  );
}
