import type { Metadata } from "next";
import Link from "next/link";
import { listAdminNationalDays } from "@/lib/admin/national-day-editor";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "National days · Organiser tools", robots: { index: false } };

export default async function AdminNationalDaysPage() {
  await requireAdmin("/admin/national-days");
  const days = await listAdminNationalDays();
  return (
    <>
      <h1>National days</h1>
      <p>
        <Link className="button" href="/admin/national-days/new">
          New national day
        </Link>{" "}
        <Link href="/admin">← Events</Link>
      </p>
      <ul className="plain-list">
        {days.map((day) => (
          <li key={day.slug}>
            <Link href={`/admin/national-days/${day.slug}`}>{day.name}</Link> <span className="muted">({day.date || "no date"})</span>
          </li>
        ))}
      </ul>
    </>
  );
}
