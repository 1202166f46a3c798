import type { Metadata } from "next";
import Link from "next/link";
import { SCHEDULE_PATH } from "@/lib/http/paths";

// Rendered with status 403 by forbidden() (lib/auth/session.ts requireAdmin) for a signed-in
// visitor without the admin role.
export const metadata: Metadata = { title: "Organisers only" };

export default function Forbidden() {
  return (
    <>
      <h1>Organisers only</h1>
      <p>
        Your account is not an organiser account, so this page is not open to you. <Link href={SCHEDULE_PATH}>Browse the schedule</Link>{" "}
        instead.
      </p>
    </>
  );
}
