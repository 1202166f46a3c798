"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useSyncExternalStore, useTransition } from "react";
import { ASTANA_TIME_ZONE } from "@/lib/time/astana";
import { DEVICE_ZONE_CHOICE, deviceTimeZone, writeZoneChoice } from "@/lib/time/display-zone-preference";
import { UTC_TIME_ZONE } from "@/lib/time/format";

function subscribeNever(): () => void {
  return () => {};
}

/**
 * "Show times in": stores the choice in a cookie and has the server render the page again, so
 * every time on it (all server-rendered) follows. `choice` is the current one, read by the server.
 *
 * The select is uncontrolled (keyed by the server's choice) so that a choice made on a slow phone
 * before the page hydrated is not lost: React cannot replay that change event, so on mount the
 * DOM's value is compared with the server's and applied when they differ.
 */
export function TimeZoneSelect({ choice }: { choice: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const select = useRef<HTMLSelectElement>(null);
  // The device zone is only known in the browser; the server renders a neutral label.
  const deviceZone = useSyncExternalStore(subscribeNever, deviceTimeZone, () => "");

  function apply(next: string): void {
    writeZoneChoice(next);
    startTransition(() => router.refresh());
  }

  useEffect(() => {
    const chosenBeforeHydration = select.current?.value;
    if (chosenBeforeHydration && chosenBeforeHydration !== choice) apply(chosenBeforeHydration);
    // Only on mount: later changes arrive through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="time-zone-switch no-print">
      <label htmlFor="display-zone">Show times in</label>
      <select
        key={choice}
        ref={select}
        id="display-zone"
        defaultValue={choice}
        aria-busy={pending}
        onChange={(event) => apply(event.target.value)}
      >
        <option value={ASTANA_TIME_ZONE}>Astana time (UTC+6 in 2017)</option>
        <option value={DEVICE_ZONE_CHOICE}>{deviceZone ? `My time zone (${deviceZone})` : "My time zone"}</option>
        <option value={UTC_TIME_ZONE}>UTC</option>
      </select>
    </div>
  );
}
