import Link from "next/link";
import { KIND_LABELS } from "@/lib/admin/describe-change";
import type { PublicChange } from "@/lib/admin/public-changes";

const AT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Asia/Almaty" });

/** Public change-log entries (no organiser names): what changed, in plain words, and when. */
export function ChangeList({ changes, showTitle = true }: { changes: readonly PublicChange[]; showTitle?: boolean }) {
  return (
    <ul className="card-list">
      {changes.map((change) => (
        <li key={change.id} className="card">
          <p style={{ margin: 0 }}>
            <span className={change.kind === "cancelled" || change.kind === "removed" ? "badge danger" : "badge"}>{KIND_LABELS[change.kind]}</span>{" "}
            {showTitle ? (
              change.subject === "event" && change.kind !== "removed" ? (
                <Link href={`/events/${change.slug}`}>{change.title}</Link>
              ) : (
                <strong>{change.title}</strong>
              )
            ) : null}{" "}
            <span className="muted">
              <time dateTime={change.at}>{AT.format(new Date(change.at))} Astana</time>
            </span>
          </p>
          {change.summary.length ? (
            <ul className="plain-list">
              {change.summary.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
