"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { dismissMergeNotice } from "@/lib/itinerary/saved-events-store";
import { useSavedEvents } from "@/lib/itinerary/use-saved-events";

/**
 * Before sign-in: says that saves live only in this browser. After sign-in: what the merge did,
 * including saves that could not be kept (the event is gone or was cancelled).
 */
export function DeviceSavesNotice() {
  const { account, deviceSaves, mergeNotice } = useSavedEvents();
  const pathname = usePathname();
  const router = useRouter();
  const added = mergeNotice?.added ?? 0;

  // The page was rendered before the merge: render it again so merged events show (e.g. on /itinerary).
  useEffect(() => {
    if (added > 0) router.refresh();
  }, [added, router]);

  if (account.status === "signed-out" && deviceSaves.length > 0) {
    const onSignInPage = pathname === "/signin" || pathname === "/signup";
    return (
      <div className="page no-print" style={{ paddingBottom: 0 }}>
        <p role="status" className="banner info" style={{ margin: 0 }}>
          Saved on this device — sign in to keep them everywhere ({deviceSaves.length} saved).{" "}
          {onSignInPage ? null : <Link href={`/signin?callbackUrl=${encodeURIComponent(pathname || "/")}`}>Sign in</Link>}
        </p>
      </div>
    );
  }

  if (account.status === "signed-in" && mergeNotice) {
    const { notAdded } = mergeNotice;
    return (
      <div className="page no-print" style={{ paddingBottom: 0 }}>
        <div role="status" className="banner info" style={{ margin: 0 }}>
          <p style={{ margin: 0 }}>
            {added === 0
              ? "Events saved on this device could not be added to your itinerary:"
              : `${added === 1 ? "1 event" : `${added} events`} saved on this device ${added === 1 ? "was" : "were"} added to your itinerary.`}
          </p>
          {notAdded.length > 0 ? (
            <ul>
              {notAdded.map((item) => (
                <li key={item.slug}>
                  {item.slug}: not added, {item.reason === "cancelled" ? "the event was cancelled" : "the event no longer exists"}
                </li>
              ))}
            </ul>
          ) : null}
          <button type="button" className="secondary" onClick={dismissMergeNotice}>
            Dismiss
          </button>
        </div>
      </div>
    );
  }
  return null;
}
