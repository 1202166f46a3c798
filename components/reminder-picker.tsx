"use client";
import { useEffect, useState, type FormEvent } from "react";
import { REMINDER_OPTIONS, type ReminderValue } from "@/lib/itinerary/share-schema";
import styles from "./calendar-feed.module.css";

const API = "/api/reminders";

/** The alarm the private feed and the itinerary download carry on each saved event. */
export function ReminderPicker() {
  const [current, setCurrent] = useState<ReminderValue | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    fetch(API, { cache: "no-store" })
      .then(async (response) => (response.ok ? ((await response.json()) as { reminder: ReminderValue }) : null))
      .then((body) => !cancelled && body && setCurrent(body.reminder))
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reminder = new FormData(event.currentTarget).get("reminder");
    setBusy(true);
    try {
      const response = await fetch(API, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ reminder }) });
      const body = (await response.json().catch(() => null)) as { reminder?: ReminderValue; error?: string } | null;
      if (!response.ok || !body?.reminder) throw new Error(body?.error ?? `The server answered ${response.status}.`);
      setCurrent(body.reminder);
      const label = REMINDER_OPTIONS.find((option) => option.value === body.reminder)?.label ?? body.reminder;
      setMessage({ error: false, text: `Saved: ${label.toLowerCase()}. Your private feed and download now carry it.` });
    } catch (failure) {
      setMessage({ error: true, text: (failure as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={styles.panel} aria-labelledby="reminder-heading">
      <h2 id="reminder-heading">Reminders</h2>
      {current === null ? (
        <p className="muted">Loading your reminder…</p>
      ) : (
        <form onSubmit={save} key={current}>
          <fieldset>
            <legend>Remind me before each saved event</legend>
            {REMINDER_OPTIONS.map((option) => (
              <label key={option.value} style={{ display: "block" }}>
                <input type="radio" name="reminder" value={option.value} defaultChecked={option.value === current} /> {option.label}
              </label>
            ))}
          </fieldset>
          <div className={styles.actions}>
            <button type="submit" disabled={busy}>
              Save reminder
            </button>
          </div>
        </form>
      )}
      {message ? (
        <p role={message.error ? "alert" : "status"} className={message.error ? "error-text" : undefined}>
          {message.text}
        </p>
      ) : null}
      <p className="muted">
        Apple Calendar shows these alarms for subscribed feeds; Google Calendar ignores alarms in subscriptions (use the
        download instead), and Outlook generally does too.
      </p>
    </section>
  );
}
