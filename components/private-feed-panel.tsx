"use client";
import { useEffect, useState } from "react";
import styles from "./calendar-feed.module.css";
import { FeedAddress } from "./feed-address";

const API = "/api/calendar-feed";
const DOWNLOAD_PATH = "/api/itinerary/calendar.ics";

interface FeedState {
  active: boolean;
  createdAt: string | null;
  /** Present only right after creating or resetting: the server keeps just a hash of the token. */
  url?: string;
  webcalUrl?: string;
}

type PanelState = { kind: "loading" } | { kind: "ready"; feed: FeedState } | { kind: "signed-out" } | { kind: "error"; message: string };

function formatCreated(iso: string | null): string {
  return iso ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }) : "";
}

async function readFeed(response: Response): Promise<FeedState> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(body?.error ?? `The server answered ${response.status}.`);
  }
  return (await response.json()) as FeedState;
}

/** The visitor's itinerary download and private subscription feed: create, reset, turn off. */
export function PrivateFeedPanel() {
  const [state, setState] = useState<PanelState>({ kind: "loading" });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetch(API, { cache: "no-store" })
      .then(async (response) => {
        if (response.status === 401) return { kind: "signed-out" } as const;
        return { kind: "ready", feed: await readFeed(response) } as const;
      })
      .catch((error: Error) => ({ kind: "error", message: error.message }) as const)
      .then((next) => {
        if (!cancelled) setState(next);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  async function change(method: "POST" | "DELETE") {
    setBusy(true);
    try {
      setState({ kind: "ready", feed: await readFeed(await fetch(API, { method, cache: "no-store" })) });
    } catch (error) {
      setState({ kind: "error", message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  if (state.kind === "signed-out") return null;
  const feed = state.kind === "ready" ? state.feed : null;

  return (
    <section className={styles.panel} aria-labelledby="private-feed-heading">
      <h2 id="private-feed-heading">Your itinerary in your calendar</h2>
      <p>
        <a className="button secondary" href={DOWNLOAD_PATH} download>
          Download itinerary (.ics)
        </a>
      </p>
      <p>
        Or subscribe with a private address: your calendar app then follows the events you save, shows
        cancellations, and drops events you remove.
      </p>
      {state.kind === "loading" ? <p className="muted">Checking your private feed…</p> : null}
      {state.kind === "error" ? (
        <p className="error-text" role="alert">
          {state.message}
        </p>
      ) : null}

      {feed && !feed.active ? (
        <div className={styles.actions}>
          <button type="button" onClick={() => change("POST")} disabled={busy}>
            Create private feed
          </button>
        </div>
      ) : null}

      {feed?.active ? (
        <>
          {feed.url && feed.webcalUrl ? (
            <>
              <p role="status">Your private feed is ready. Copy its address now: it is shown only once.</p>
              <FeedAddress url={feed.url} webcalUrl={feed.webcalUrl} label="your itinerary" />
            </>
          ) : (
            <p>
              Your private feed is on (created {formatCreated(feed.createdAt)}). Its address is shown only when it is
              created; reset the link to get a new one.
            </p>
          )}
          <p className={styles.warning}>
            Anyone with the address can see your saved events. Reset the link if it was shared by mistake: the old
            address stops working at once.
          </p>
          <div className={styles.actions}>
            <button type="button" className="secondary" onClick={() => change("POST")} disabled={busy}>
              Reset link
            </button>
            <button type="button" className="secondary" onClick={() => change("DELETE")} disabled={busy}>
              Turn off
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
