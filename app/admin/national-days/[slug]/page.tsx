import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminDeleteButton } from "@/components/admin-delete-button";
import { AdminNationalDayForm } from "@/components/admin-national-day-form";
import { getAdminNationalDay } from "@/lib/admin/national-day-editor";
import { requireAdmin } from "@/lib/auth/session";
import { nationalDayPath } from "@/lib/http/paths";

export const metadata: Metadata = { title: "Edit national day", robots: { index: false } };

export default async function EditNationalDayPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  await requireAdmin(`/admin/national-days/${slug}`);
  const day = await getAdminNationalDay(slug);
  if (!day) notFound();
  return (
    <>
      <h1>Edit national day: {day.name}</h1>
      <p>
        <Link href={nationalDayPath(day.slug)}>Public page</Link> · <Link href="/admin/national-days">← National days</Link>
      </p>
      <AdminNationalDayForm key={day.updatedAt} day={day} />
      {day.events > 0 ? (
        <p className="muted">
          {day.events} event{day.events === 1 ? " belongs" : "s belong"} to this national day, so it cannot be deleted until {day.events === 1 ? "it moves" : "they move"}.
        </p>
      ) : (
        <AdminDeleteButton url={`/api/admin/national-days/${day.slug}?updatedAt=${encodeURIComponent(day.updatedAt)}`} what="this national day" afterwards="/admin/national-days" />
      )}
    </>
  );
}
