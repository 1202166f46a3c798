import type { Metadata } from "next";
import { AdminNationalDayForm } from "@/components/admin-national-day-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "New national day", robots: { index: false } };

export default async function NewNationalDayPage() {
  await requireAdmin("/admin/national-days/new");
  return (
    <>
      <h1>New national day</h1>
      <AdminNationalDayForm day={null} />
    </>
  );
}
