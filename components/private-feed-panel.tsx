"use client";
import { useActionState } from "react";
import type { FeedActionState } from "@/lib/calendar/private-feed";
import { ITINERARY_CALENDAR_PATH } from "@/lib/http/paths";
import { instantDateLabel } from "@/lib/time/format";
import styles from "./calendar-feed.module.css";
import { FeedAddress } from "./feed-address";

/**
 * The visitor's itinerary download and private subscription feed: create, reset, turn off. The
 * server renders the current state; the buttons post to a server action (before hydration too).
 * A new feed's address comes back once in the action's answer: the server keeps only a hash.
 */
export function PrivateFeedPanel(props: {
  initial: FeedActionState;
  action: (previous: FeedActionState, formData: FormData) => Promise<FeedActionState>;
}) {
  const [state, formAction, busy] = useActionState(props.action, props.initial);
  const { feed } = state;

  return (
    <section className={styles.panel} aria-labelledby="private-feed-heading">
      <h2 id="private-feed-heading">Your itinerary in your calendar</h2>
      <p>
        <a className="button secondary" href={ITINERARY_CALENDAR_PATH} download>
          Download itinerary (.ics)
        </a>
      </p>
      <p>
        Or subscribe with a private address: your calendar app then follows the events you save, shows
        cancellations, and drops events you remove.
      </p>
      {state.message ? (
        <p className="error-text" role="alert">
          {state.message}
        </p>
      ) : null}

      {!feed.active ? (
        <form className={styles.actions} action={formAction}>
          <button type="submit" name="intent" value="create" disabled={busy}>
            Create private feed
          </button>
        </form>
      ) : (
        <>
          {feed.url && feed.webcalUrl ? (
            <>
              <p role="status">Your private feed is ready. Copy its address now: it is shown only once.</p>
              <FeedAddress url={feed.url} webcalUrl={feed.webcalUrl} label="your itinerary" />
            </>
          ) : (
            <p>
              Your private feed is on (created {feed.createdAt ? instantDateLabel(feed.createdAt) : ""}). Its address is
              shown only when it is created; reset the link to get a new one.
            </p>
          )}
          <p className={styles.warning}>
            Anyone with the address can see your saved events. Reset the link if it was shared by mistake: the old
            address stops working at once.
          </p>
          <form className={styles.actions} action={formAction}>
            <button type="submit" name="intent" value="create" className="secondary" disabled={busy}>
              Reset link
            </button>
            <button type="submit" name="intent" value="off" className="secondary" disabled={busy}>
              Turn off
            </button>
          </form>
        </>
      )}
    </section>
  );
}
