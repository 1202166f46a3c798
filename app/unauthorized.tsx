import type { Metadata } from "next";
import Link from "next/link";

// Rendered with status 401 by unauthorized() (lib/auth/session.ts requireAdmin): only the
// organiser pages call it, so the sign-in link brings the visitor back to /admin.
export const metadata: Metadata = { title: "Sign in required" };

export default function Unauthorized() {
  return (
    <>
      <h1>Sign in required</h1>
      <p>
        This page is for the expo&apos;s organisers. <Link href="/signin?callbackUrl=%2Fadmin">Sign in</Link> with an organiser account
        to use it.
      </p>
    </>
  );
}
