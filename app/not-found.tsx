import type { Metadata } from "next";
import Link from "next/link";
import { NATIONAL_DAYS_PATH, SCHEDULE_PATH, VENUES_PATH } from "@/lib/http/paths";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link href={SCHEDULE_PATH}>Browse the schedule</Link>, see{" "}
        <Link href={VENUES_PATH}>the venues</Link> or <Link href={NATIONAL_DAYS_PATH}>the national days</Link>.
      </p>
    </>
  );
}
