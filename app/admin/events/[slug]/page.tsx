import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdminEventForm } from "@/components/admin-event-form";
import { EventHistory } from "@/components/admin-event-history";
import { listAdminChoices } from "@/lib/admin/access";
import type { AdminEventJson } from "@/lib/admin/event-row";
import { getAdminEvent } from "@/lib/admin/search-admin-events";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Edit event", robots: { index: false } };

export default async function EditEventPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireAdmin(`/admin/events/${slug}`);
  const [found, choices] = await Promise.all([getAdminEvent(slug), listAdminChoices()]);
  if (found.status !== 200) notFound();
  const { event } = found.body as { event: AdminEventJson };
  return (
    <>
      <h1>Edit: {event.title}</h1>
      <AdminEventForm choices={choices} event={event} />
      <EventHistory slug={event.slug} />
    </>
  );
}
