import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/sign-up-form";
import { getSessionUser, safeCallbackPath } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create an account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl, "/itinerary");
  if (await getSessionUser()) redirect(callbackUrl);
  return (
    <>
      <h1>Create an account</h1>
      <p className="muted">An account keeps your itinerary on every device you sign in from.</p>
      <SignUpForm callbackUrl={callbackUrl} />
      <p>
        Already have an account? <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </>
  );
}
