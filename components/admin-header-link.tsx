import Link from "next/link";
import { getSessionUser } from "@/lib/auth/session";

/** "Admin" in the header, for admins only (the role is read fresh on every request). */
export async function AdminHeaderLink() {
  const user = await getSessionUser();
  if (user?.role !== "ADMIN") return null;
  return (
    <Link href="/admin" className="button secondary">
      Admin
    </Link>
  );
}
