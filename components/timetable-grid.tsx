// The timetable grid: a CSS grid placed entirely by the server from lib/timetable/layout.ts, so it
// appears at its final size (no layout shift). Its own box scrolls both ways; the venue headers
// and the time axis stay in view (sticky), and a 375 px phone scrolls the grid, never the page.
import Link from "next/link";
import { eventPath, venuePath } from "@/lib/http/paths";
import type { TimetableLayout } from "@/lib/timetable/layout";
import styles from "./timetable-grid.module.css";

/** Two header rows (kind groups, venues) come before the slot rows. */
const HEADER_ROWS = 2;

function rows(start: number, end: number): string {
  return `${start + HEADER_ROWS} / ${end + HEADER_ROWS}`;
}

export function TimetableGrid({ layout, label }: { layout: TimetableLayout; label: string }) {
  const columnCount = layout.columns.length;
  return (
    <div className={styles.scroller} role="region" aria-label={label} tabIndex={0}>
      <div
        className={styles.grid}
        style={{
          // Exactly --column-width per venue once the venues overflow the box; wider when they fit.
          width: `max(100%, calc(var(--axis-width) + ${columnCount} * var(--column-width)))`,
          gridTemplateColumns: `var(--axis-width) repeat(${columnCount}, minmax(0, 1fr))`,
          gridTemplateRows: `var(--group-height) var(--venue-height) repeat(${layout.slotCount}, var(--slot-height))`,
        }}
      >
        <div className={styles.corner} style={{ gridColumn: 1, gridRow: "1 / 3" }} aria-hidden="true">
          Astana
        </div>
        {layout.groups.map((group) => (
          <div
            key={group.kind}
            className={styles.group}
            style={{ gridColumn: `${group.firstColumn + 1} / span ${group.columnCount}`, gridRow: 1 }}
          >
            {group.label}
          </div>
        ))}
        {layout.columns.map((column) => (
          <div
            key={column.venue.slug}
            className={`${styles.venue} ${layout.groups.some((g) => g.firstColumn === column.index) ? styles.groupStart : ""}`}
            style={{ gridColumn: column.index + 1, gridRow: 2 }}
          >
            <Link href={venuePath(column.venue.slug)}>{column.venue.name}</Link>
          </div>
        ))}
        {layout.hours.map((hour) => (
          <div key={`line-${hour.text}`} className={styles.hourLine} style={{ gridColumn: `2 / -1`, gridRow: rows(hour.row, hour.row + 1) }} aria-hidden="true" />
        ))}
        {layout.hours.map((hour) => (
          <div key={hour.text} className={styles.hour} style={{ gridColumn: 1, gridRow: rows(hour.row, Math.min(hour.row + 12, layout.slotCount + 1)) }}>
            {hour.text}
          </div>
        ))}
        {layout.walks.map((walk) => (
          <div
            key={`walk-${walk.column}-${walk.rowEnd}`}
            className={`${styles.walk} ${walk.tight ? styles.tight : ""}`}
            style={{ gridColumn: walk.column + 1, gridRow: rows(walk.rowStart, walk.rowEnd) }}
          >
            {walk.text}
          </div>
        ))}
        {layout.blocks.map((block) => (
          <Link
            key={block.slug}
            href={eventPath(block.slug)}
            aria-label={block.label}
            className={[
              styles.block,
              block.saved ? styles.saved : "",
              block.cancelled ? styles.cancelled : "",
              block.clippedStart ? styles.clippedStart : "",
              block.clippedEnd ? styles.clippedEnd : "",
            ].join(" ")}
            style={{
              gridColumn: block.column + 1,
              gridRow: rows(block.rowStart, block.rowEnd),
              width: `calc(100% / ${block.lanes})`,
              marginLeft: `calc(100% * ${block.lane} / ${block.lanes})`,
            }}
          >
            <span className={styles.time}>
              {block.clippedStart ? "↑ " : ""}
              {block.timeText}
              {block.clippedEnd ? " ↓" : ""}
            </span>
            <span className={styles.title}>{block.title}</span>
          </Link>
        ))}
        {layout.nowRow !== null ? (
          <div className={styles.now} style={{ gridColumn: "2 / -1", gridRow: rows(layout.nowRow, layout.nowRow + 1) }}>
            <span>{layout.nowText}</span>
          </div>
        ) : null}
      </div>
    </div>
  );
}
