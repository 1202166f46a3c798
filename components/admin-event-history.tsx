import { ChangeList } from "@/components/admin-change-list";
import { getEventHistory } from "@/lib/admin/public-changes";

/** "History" on an event page: the organisers' changes to it, without their names. */
export async function EventHistory({ slug }: { slug: string }) {
  const changes = await getEventHistory(slug);
  if (changes.length === 0) return null;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      <ChangeList changes={changes} showTitle={false} />
    </section>
  );
}
