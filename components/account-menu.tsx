"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOutInBrowser } from "@/lib/auth/sign-out-in-browser";
import { HOME_PATH, SIGN_IN_PATH, SIGN_UP_PATH, signInPath } from "@/lib/http/paths";
import { useSavedEvents } from "./saved-events-provider";

/** Header corner: who is signed in (known to the server at render) and sign-out, or the ways in. */
export function AccountMenu() {
  const { account } = useSavedEvents();
  const pathname = usePathname();

  if (account) {
    return (
      <>
        <span>
          Signed in as <strong>{account.name || account.email}</strong>
        </span>
        <button type="button" className="secondary" onClick={() => void signOutInBrowser(HOME_PATH)}>
          Sign out
        </button>
      </>
    );
  }
  return (
    <>
      <Link className="button secondary" href={signInPath(pathname, SIGN_IN_PATH)}>
        Sign in
      </Link>
      <Link className="button secondary" href={signInPath(pathname, SIGN_UP_PATH)}>
        Create account
      </Link>
    </>
  );
}
