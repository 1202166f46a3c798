import Link from "next/link";
import { scheduleHref, type ScheduleLinkValues } from "@/lib/http/paths";
import { shortDayLabel } from "@/lib/time/format";

/** Previous and next expo day, keeping the other filters; short labels so both fit one row on a phone. */
export function ScheduleDayNav({ days, date, values }: { days: string[]; date: string; values: ScheduleLinkValues }) {
  const index = days.indexOf(date);
  const previous = index > 0 ? days[index - 1] : null;
  const next = index >= 0 && index < days.length - 1 ? days[index + 1] : null;
  return (
    <nav className="day-nav no-print" aria-label="Days">
      {previous ? (
        <Link className="button secondary" href={scheduleHref({ ...values, date: previous, cursor: undefined })} rel="prev" prefetch={false}>
          ← <span className="visually-hidden">Previous day, </span>
          {shortDayLabel(previous)}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link className="button secondary" href={scheduleHref({ ...values, date: next, cursor: undefined })} rel="next" prefetch={false}>
          <span className="visually-hidden">Next day, </span>
          {shortDayLabel(next)} →
        </Link>
      ) : null}
    </nav>
  );
}
