"use client";
import { useEffect, useState, type FormEvent } from "react";
import type { ShareSummary } from "@/lib/itinerary/share-itinerary";
import { shortDayLabel } from "@/lib/time/format";
import styles from "./calendar-feed.module.css";

const API = "/api/share-links";

type Created = ShareSummary & { url: string };

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as (T & { error?: string; details?: { message: string }[] }) | null;
  if (!response.ok) {
    const detail = body?.details?.map((item) => item.message).join("; ");
    throw new Error([body?.error ?? `The server answered ${response.status}.`, detail].filter(Boolean).join(" "));
  }
  return body as T;
}

function daysText(days: string[]): string {
  return days.map(shortDayLabel).join(", ");
}

/**
 * Read-only links to chosen days of the itinerary (/i/{token}). A link's address is shown once,
 * right after it is created: the server keeps only a hash of its token.
 */
export function ShareItineraryPanel({ days }: { days: string[] }) {
  const [shares, setShares] = useState<ShareSummary[] | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetch(API, { cache: "no-store" })
      .then((response) => answer<{ shares: ShareSummary[] }>(response))
      .then((body) => !cancelled && setShares(body.shares))
      .catch((failure: Error) => !cancelled && setError(failure.message));
    return () => {
      cancelled = true;
    };
  }, []);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const share = await answer<Created>(
        await fetch(API, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ days: data.getAll("day"), showName: data.get("showName") === "on" }),
        }),
      );
      setCreated(share);
      setShares((current) => [share, ...(current ?? [])]);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function revoke(id: number) {
    setBusy(true);
    setError(null);
    try {
      await answer(await fetch(`${API}/${id}`, { method: "DELETE" }));
      setShares((current) => (current ?? []).filter((share) => share.id !== id));
      if (created?.id === id) setCreated(null);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (days.length === 0) return null;
  return (
    <section className={styles.panel} aria-labelledby="share-heading">
      <h2 id="share-heading">Share your plan</h2>
      <p>A read-only link shows the chosen days’ events — never your notes or email — and lets a friend save any of them.</p>
      <form onSubmit={create}>
        <fieldset>
          <legend>Days to share</legend>
          {days.map((day) => (
            <label key={day} style={{ display: "inline-block", marginRight: "1rem" }}>
              <input type="checkbox" name="day" value={day} defaultChecked /> {shortDayLabel(day)}
            </label>
          ))}
        </fieldset>
        <label>
          <input type="checkbox" name="showName" /> Show my name on the shared page
        </label>
        <div className={styles.actions}>
          <button type="submit" disabled={busy}>
            Create share link
          </button>
        </div>
      </form>
      {error ? (
        <p className="error-text" role="alert">
          {error}
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
      {shares && shares.length ? (
        <>
          <h3>Your shared links</h3>
          <ul>
            {shares.map((share) => (
              <li key={share.id}>
                {daysText(share.days)} · {share.showName ? "with your name" : "without your name"}{" "}
                <button type="button" className="secondary" onClick={() => revoke(share.id)} disabled={busy}>
                  Revoke<span className="visually-hidden"> the link for {daysText(share.days)}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
