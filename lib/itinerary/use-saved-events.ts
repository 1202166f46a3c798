import { useEffect, useSyncExternalStore } from "react";
import { ensureLoaded, getServerSnapshot, getSnapshot, subscribe, type SavedEventsState } from "./saved-events-store";

/** The shared saved-events state, loaded on first use in the browser. */
export function useSavedEvents(): SavedEventsState {
  const snapshot = useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
  useEffect(() => {
    void ensureLoaded();
  }, []);
  return snapshot;
}
