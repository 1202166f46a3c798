import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { enabledProviderIds } from "@/lib/auth/auth-options";
import { getSessionUser, safeCallbackPath } from "@/lib/auth/session";
import { signInErrorMessage } from "@/lib/auth/credentials-schema";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl, "/itinerary");
  if (await getSessionUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : null;
  const providers = enabledProviderIds(getEnv());
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">Sign in to keep your itinerary on every device you use.</p>
      <SignInForm callbackUrl={callbackUrl} providers={providers} initialError={signInErrorMessage(error)} />
      <p>
        New here? <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
      </p>
    </>
  );
}
