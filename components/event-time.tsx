"use client";

import { useSyncExternalStore } from "react";
import { formatTimeRangeInZone, formatTimeInZone } from "@/lib/time/format";
import { readZoneChoice, serverZoneChoice, subscribeToZoneChoice, zoneForChoice } from "@/lib/time/display-zone-preference";

/**
 * An event's time in the visitor's display zone. The server renders Astana time; after hydration
 * the zone chosen with TimeZoneSwitch applies. Instants are passed as ISO strings (serialisable).
 */
export function EventTime({ start, end }: { start: string; end?: string }) {
  const zone = zoneForChoice(useSyncExternalStore(subscribeToZoneChoice, readZoneChoice, serverZoneChoice));
  const startsAt = new Date(start);
  const label = end ? formatTimeRangeInZone(startsAt, new Date(end), zone) : formatTimeInZone(startsAt, zone);
  return (
    <time dateTime={start} className="event-time">
      {label}
    </time>
  );
}
