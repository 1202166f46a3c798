"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useSavedEvents } from "@/lib/itinerary/use-saved-events";

/** Header corner: who is signed in and a sign-out button, or the ways in. */
export function AccountMenu() {
  const { account } = useSavedEvents();
  const pathname = usePathname();

  if (account.status === "loading") return <span className="muted" aria-hidden="true" />;
  if (account.status === "signed-in") {
    return (
      <>
        <span>
          Signed in as <strong>{account.name || account.email}</strong>
        </span>
        <button type="button" className="secondary" onClick={() => void signOut({ callbackUrl: "/" })}>
          Sign out
        </button>
      </>
    );
  }
  const callback = pathname && pathname !== "/signin" && pathname !== "/signup" ? `?callbackUrl=${encodeURIComponent(pathname)}` : "";
  return (
    <>
      <Link className="button secondary" href={`/signin${callback}`}>
        Sign in
      </Link>
      <Link className="button secondary" href={`/signup${callback}`}>
        Create account
      </Link>
    </>
  );
}
