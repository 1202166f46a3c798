import { absoluteUrl, publicFeedPath, webcalUrl } from "@/lib/http/paths";
import { sitePublicOrigin } from "@/lib/http/public-base-url";
import styles from "./calendar-feed.module.css";
import { FeedAddress } from "./feed-address";

/**
 * "Subscribe" to exactly the selection shown: same parameters as the page, as a calendar feed.
 * Rendered on the server, which knows the site's public address; only the copy button is a client island.
 */
export function SubscribeToFeed({ query, label }: { query: Record<string, string | undefined>; label: string }) {
  const path = publicFeedPath(query);
  const url = absoluteUrl(sitePublicOrigin(), path);
  return (
    <section className={`${styles.panel} no-print`} aria-label={`Calendar feed for ${label}`}>
      <p>
        <strong>Subscribe in your calendar:</strong> {label}. Changes and cancellations appear in your calendar
        by themselves. <a href={path}>Download once (.ics)</a>
      </p>
      <FeedAddress url={url} webcalUrl={webcalUrl(url)} label={label} collapsed />
    </section>
  );
}
