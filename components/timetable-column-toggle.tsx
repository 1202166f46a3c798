"use client";

// Show or hide venue columns. The choice is a cookie (lib/timetable/hidden-venues.ts) that the
// server reads, so the next render, and every later visit, draws the grid without those columns.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { hiddenVenuesCookie } from "@/lib/timetable/hidden-venues";
import styles from "./timetable-grid.module.css";

/** Writes the cookie, keeping hidden venues that have no events on this day (and so are not listed). */
function storeHidden(listed: readonly Choice[], hidden: Iterable<string>): void {
  const others = (document.cookie.match(/(?:^|;\s*)timetable-hidden=([^;]*)/)?.[1] ?? "")
    .split(".")
    .filter((slug) => slug && !listed.some((venue) => venue.slug === slug));
  document.cookie = hiddenVenuesCookie([...others, ...hidden]);
}

interface Choice {
  slug: string;
  name: string;
  hidden: boolean;
}

export function TimetableColumnToggle({ venues }: { venues: Choice[] }) {
  const router = useRouter();
  const [hidden, setHidden] = useState(() => new Set(venues.filter((venue) => venue.hidden).map((venue) => venue.slug)));
  const [pending, startTransition] = useTransition();

  function apply(next: Set<string>) {
    setHidden(next);
    storeHidden(venues, next);
    startTransition(() => router.refresh());
  }

  function toggle(slug: string, shown: boolean) {
    const next = new Set(hidden);
    if (shown) next.delete(slug);
    else next.add(slug);
    apply(next);
  }

  return (
    <details className={`${styles.columns} no-print`}>
      <summary>
        Venues shown: {venues.length - hidden.size} of {venues.length}
        {pending ? " (updating…)" : ""}
      </summary>
      <fieldset>
        <legend>Show these venues as columns</legend>
        <p>
          <button type="button" className="button secondary" onClick={() => apply(new Set())} disabled={hidden.size === 0}>
            Show all
          </button>
        </p>
        <ul className="plain-list">
          {venues.map((venue) => (
            <li key={venue.slug}>
              <label>
                <input type="checkbox" checked={!hidden.has(venue.slug)} onChange={(event) => toggle(venue.slug, event.target.checked)} />{" "}
                {venue.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </details>
  );
}
