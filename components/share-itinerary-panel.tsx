"use client";
import { useActionState } from "react";
import type { ShareSummary } from "@/lib/itinerary/share-itinerary";
import { shortDayLabel } from "@/lib/time/format";
import styles from "./calendar-feed.module.css";

/**
 * What the page renders and the share action answers: the visitor's working links, the link just
 * created (its address, shown this once: the server keeps only a hash of its token), and why the
 * last change failed.
 */
export interface ShareLinksState {
  shares: ShareSummary[];
  created?: ShareSummary & { url: string };
  message?: string;
}

function daysText(days: string[]): string {
  return days.map(shortDayLabel).join(", ");
}

/**
 * Read-only links to chosen days of the itinerary (/i/{token}): create and revoke. The server
 * renders the current links; the buttons post to a server action (before hydration too).
 */
export function ShareItineraryPanel(props: {
  days: string[];
  initial: ShareLinksState;
  action: (previous: ShareLinksState, formData: FormData) => Promise<ShareLinksState>;
}) {
  const [state, formAction, busy] = useActionState(props.action, props.initial);
  const { shares, created, message } = state;

  if (props.days.length === 0) return null;
  return (
    <section className={styles.panel} aria-labelledby="share-heading">
      <h2 id="share-heading">Share your plan</h2>
      <p>A read-only link shows the chosen days’ events — never your notes or email — and lets a friend save any of them.</p>
      <form action={formAction}>
        <fieldset>
          <legend>Days to share</legend>
          {props.days.map((day) => (
            <label key={day} style={{ display: "inline-block", marginRight: "1rem" }}>
              <input type="checkbox" name="day" value={day} defaultChecked /> {shortDayLabel(day)}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" name="showName" /> Show my name on the shared page
        </label>
        <div className={styles.actions}>
          <button type="submit" name="intent" value="create" disabled={busy}>
            Create share link
          </button>
        </div>
      </form>
      {message ? (
        <p className="error-text" role="alert">
          {message}
        </p>
      ) : null}
      {created ? (
        <div className={styles.address}>
          <p role="status">Your link is ready. Copy it now: it is shown only once.</p>
          <label htmlFor="share-url">Share link for {daysText(created.days)}</label>
          <input id="share-url" readOnly value={created.url} onFocus={(event) => event.currentTarget.select()} />
          <div className={styles.actions}>
            <button type="button" className="secondary" onClick={() => navigator.clipboard?.writeText(created.url)}>
              Copy link
            </button>
          </div>
        </div>
      ) : null}
      {shares.length ? (
        <form action={formAction}>
          <h3>Your shared links</h3>
          <ul>
            {shares.map((share) => (
              <li key={share.id}>
                {daysText(share.days)} · {share.showName ? "with your name" : "without your name"}{" "}
                <button type="submit" name="revoke" value={share.id} className="secondary" disabled={busy}>
                  Revoke<span className="visually-hidden"> the link for {daysText(share.days)}</span>
                </button>
              </li>
            ))}
          </ul>
        </form>
      ) : null}
    </section>
  );
}
