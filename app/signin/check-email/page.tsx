import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <>
      <h1>Check your email</h1>
      <p>If that address can receive mail, a sign-in link is on its way. It works once and expires in 24 hours.</p>
      <p>
        <Link href="/signin">Back to sign in</Link>
      </p>
    </>
  );
}
