"use client";

import { useRouter } from "next/navigation";
import { useOptimistic, useSyncExternalStore, useTransition } from "react";
import { ASTANA_TIME_ZONE } from "@/lib/time/astana";
import { DEVICE_ZONE_CHOICE, deviceTimeZone, writeZoneChoice } from "@/lib/time/display-zone-preference";
import { UTC_TIME_ZONE } from "@/lib/time/format";

function subscribeNever(): () => void {
  return () => {};
}

/**
 * "Show times in": stores the choice in a cookie and has the server render the page again, so
 * every time on it (all server-rendered) follows. `choice` is the current one, read by the server.
 */
export function TimeZoneSelect({ choice }: { choice: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, setShown] = useOptimistic(choice);
  // The device zone is only known in the browser; the server renders a neutral label.
  const deviceZone = useSyncExternalStore(subscribeNever, deviceTimeZone, () => "");
  return (
    <div className="time-zone-switch no-print">
      <label htmlFor="display-zone">Show times in</label>
      <select
        id="display-zone"
        value={shown}
        aria-busy={pending}
        onChange={(event) => {
          const next = event.target.value;
          writeZoneChoice(next);
          startTransition(() => {
            setShown(next);
            router.refresh();
          });
        }}
      >
        <option value={ASTANA_TIME_ZONE}>Astana time (UTC+6 in 2017)</option>
        <option value={DEVICE_ZONE_CHOICE}>{deviceZone ? `My time zone (${deviceZone})` : "My time zone"}</option>
        <option value={UTC_TIME_ZONE}>UTC</option>
      </select>
    </div>
  );
}
