"use client";
import { useSyncExternalStore } from "react";
import styles from "./calendar-feed.module.css";
import { webcalUrl } from "@/lib/http/paths";
import { FeedAddress } from "./feed-address";

const PUBLIC_FEED_PATH = "/calendar/expo-2017.ics";

function feedPath(query: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${PUBLIC_FEED_PATH}?${text}` : PUBLIC_FEED_PATH;
}

const noSubscription = () => () => {};

/** The page's origin in the browser; null while rendering on the server. */
export function useOrigin(): string | null {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
}

/** "Subscribe" to exactly the selection shown: same parameters as the page, as a calendar feed. */
export function SubscribeToFeed({ query, label }: { query: Record<string, string | undefined>; label: string }) {
  const origin = useOrigin();
  const path = feedPath(query);
  const url = origin ? `${origin}${path}` : path;
  const webcal = origin ? webcalUrl(url) : path;
  return (
    <section className={`${styles.panel} no-print`} aria-label={`Calendar feed for ${label}`}>
      <p>
        <strong>Subscribe in your calendar:</strong> {label}. Changes and cancellations appear in your calendar
        by themselves. <a href={path}>Download once (.ics)</a>
      </p>
      <FeedAddress url={url} webcalUrl={webcal} label={label} collapsed />
    </section>
  );
}
