"use client";
// What the visitor has saved, for every save button, the account menu and the device-saves notice.
// The server renders it (the root layout hands over the session's account and saved slugs), so a
// page needs no request after load. Signed out, saves live on this device (localStorage) and are
// read after hydration; on the first page after sign-in they are merged into the account.
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import {
  deviceSavesSnapshot,
  flagDeviceSaves,
  serverDeviceSavesSnapshot,
  subscribeToDeviceSaves,
  writeDeviceSaves,
} from "@/lib/itinerary/device-saves";
import type { MergeResult, Visitor } from "@/lib/itinerary/saved-events";
import type { SaveAction } from "./save-event-form";

export interface MergeNotice {
  added: number;
  notAdded: { slug: string; reason: "unknown" | "cancelled" }[];
}

export interface SavedEvents {
  account: Visitor["account"];
  saved: ReadonlySet<string>;
  deviceSaves: readonly string[];
  mergeNotice: MergeNotice | null;
  dismissMergeNotice: () => void;
  /** The server action every save button posts to (passed down by the layout). */
  saveAction: SaveAction;
}

const SavedEventsContext = createContext<SavedEvents | null>(null);

export function useSavedEvents(): SavedEvents {
  const value = useContext(SavedEventsContext);
  if (!value) throw new Error("useSavedEvents needs a SavedEventsProvider (app/layout.tsx)");
  return value;
}

export function SavedEventsProvider(props: {
  visitor: Visitor;
  saveAction: SaveAction;
  mergeAction: (slugs: string[]) => Promise<MergeResult>;
  children: ReactNode;
}) {
  const { visitor, saveAction, mergeAction } = props;
  const deviceSaves = useSyncExternalStore(subscribeToDeviceSaves, deviceSavesSnapshot, serverDeviceSavesSnapshot);
  const [mergeNotice, setMergeNotice] = useState<MergeNotice | null>(null);
  const merging = useRef(false);
  const signedIn = visitor.account !== null;

  // Also brings the flag of a list saved before the flag existed, or changed in another tab.
  useEffect(() => flagDeviceSaves(deviceSaves.length > 0), [deviceSaves]);

  useEffect(() => {
    if (!signedIn || deviceSaves.length === 0 || merging.current) return;
    merging.current = true;
    mergeAction([...deviceSaves])
      .then((result) => {
        if (!result.ok) return;
        writeDeviceSaves([]);
        const { added, unknown, cancelled } = result.report;
        const notAdded = [
          ...unknown.map((slug) => ({ slug, reason: "unknown" as const })),
          ...cancelled.map((slug) => ({ slug, reason: "cancelled" as const })),
        ];
        // Nothing worth saying when every device save was already in the account.
        if (added.length > 0 || notAdded.length > 0) setMergeNotice({ added: added.length, notAdded });
      })
      .catch(() => undefined) // offline: the saves stay on the device and merge on a later page
      .finally(() => {
        merging.current = false;
      });
  }, [signedIn, deviceSaves, mergeAction]);

  const value: SavedEvents = {
    account: visitor.account,
    saved: new Set(signedIn ? visitor.saved : deviceSaves),
    deviceSaves,
    mergeNotice,
    dismissMergeNotice: () => setMergeNotice(null),
    saveAction,
  };
  return <SavedEventsContext.Provider value={value}>{props.children}</SavedEventsContext.Provider>;
}
