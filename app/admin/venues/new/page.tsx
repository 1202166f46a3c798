import type { Metadata } from "next";
import { AdminVenueForm } from "@/components/admin-venue-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New venue", robots: { index: false } };

export default async function NewVenuePage() {
  await requireAdmin("/admin/venues/new");
  return (
    <>
      <h1>New venue</h1>
      <AdminVenueForm venue={null} />
    </>
  );
}
