import type { Metadata } from "next";
import { AdminEventForm } from "@/components/admin-event-form";
import { requireAdmin } from "@/lib/auth/session";
import { listAdminChoices } from "@/lib/admin/access";

export const metadata: Metadata = { title: "New event", robots: { index: false } };

export default async function NewEventPage() {
  await requireAdmin("/admin/events/new");
  return (
    <>
      <h1>New event</h1>
      <AdminEventForm choices={await listAdminChoices()} event={null} />
    </>
  );
}
