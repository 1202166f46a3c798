import Link from "next/link";
import { getChangesSinceSaved } from "@/lib/itinerary/changes-since-saved";

/** Top of /itinerary: saved events the organisers changed since they were saved, until dismissed. */
export async function ChangedSinceSaved({ userId }: { userId: string }) {
  const changes = await getChangesSinceSaved(userId);
  if (changes.length === 0) return null;
  return (
    <section className="banner info" aria-labelledby="changed-since-saved-heading" style={{ marginBottom: "1rem" }}>
      <h2 id="changed-since-saved-heading" style={{ marginTop: 0 }}>
        Changed since you saved {changes.length === 1 ? "it" : "them"}
      </h2>
      <ul className="plain-list">
        {changes.map((change) => (
          <li key={change.slug} data-testid="saved-event-change" style={{ marginBottom: "0.5rem" }}>
            <Link href={`/events/${change.slug}`}>{change.title}</Link>: {change.lines.join(", ")}
            <form method="post" action={`/api/itinerary/changes/${change.slug}`} style={{ display: "inline", marginLeft: "0.5rem" }}>
              <button type="submit" className="secondary">
                Dismiss
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
