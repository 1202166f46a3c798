"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { SIGN_IN_PATH, SIGN_UP_PATH, signInPath } from "@/lib/http/paths";
import { useSavedEvents } from "./saved-events-provider";

/**
 * Before sign-in: says that saves live only in this browser. After sign-in: what the merge did,
 * including saves that could not be kept (the event is gone or was cancelled).
 */
export function DeviceSavesNotice() {
  const { account, deviceSaves, mergeNotice, dismissMergeNotice } = useSavedEvents();
  const pathname = usePathname();
  const added = mergeNotice?.added ?? 0;

  if (!account && deviceSaves.length > 0) {
    const onSignInPage = pathname === SIGN_IN_PATH || pathname === SIGN_UP_PATH;
    return (
      <div className="page no-print" style={{ paddingBottom: 0 }}>
        <p role="status" className="banner info" style={{ margin: 0 }}>
          Saved on this device — sign in to keep them everywhere ({deviceSaves.length} saved).{" "}
          {onSignInPage ? null : <Link href={signInPath(pathname || "/")}>Sign in</Link>}
        </p>
      </div>
    );
  }

  if (account && mergeNotice) {
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
