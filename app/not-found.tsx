import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link href="/schedule">Browse the schedule</Link>, see{" "}
        <Link href="/venues">the venues</Link> or <Link href="/national-days">the national days</Link>.
      </p>
    </>
  );
}
