import { readDisplayZone } from "@/lib/time/display-zone";
import { formatTimeInZone, formatTimeRangeInZone } from "@/lib/time/format";

/**
 * An event's time in the visitor's display zone, rendered on the server (the zone comes from a
 * cookie set by TimeZoneSwitch): no script per card, and the text never changes after load.
 */
export async function EventTime({ start, end }: { start: Date | string; end?: Date | string }) {
  const { zone } = await readDisplayZone();
  const startsAt = new Date(start);
  const label = end ? formatTimeRangeInZone(startsAt, new Date(end), zone) : formatTimeInZone(startsAt, zone);
  return (
    <time dateTime={startsAt.toISOString()} className="event-time">
      {label}
    </time>
  );
}
