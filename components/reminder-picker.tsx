"use client";
import { useActionState } from "react";
import { REMINDER_OPTIONS, type ReminderValue } from "@/lib/itinerary/form-choices";
import styles from "./calendar-feed.module.css";

/** What the page renders and the reminder action answers: the stored choice, and how the last save went. */
export interface ReminderState {
  reminder: ReminderValue;
  message?: { error: boolean; text: string };
}

/**
 * The alarm the private feed and the itinerary download carry on each saved event. The server
 * renders the stored choice; the form posts to a server action (before hydration too).
 */
export function ReminderPicker(props: {
  initial: ReminderState;
  action: (previous: ReminderState, formData: FormData) => Promise<ReminderState>;
}) {
  const [state, formAction, busy] = useActionState(props.action, props.initial);
  const { reminder, message } = state;

  return (
    <section className={styles.panel} aria-labelledby="reminder-heading">
      <h2 id="reminder-heading">Reminders</h2>
      {/* Keyed by the stored choice: React resets a form after its action, to the new default here. */}
      <form action={formAction} key={reminder}>
        <fieldset>
          <legend>Remind me before each saved event</legend>
          {REMINDER_OPTIONS.map((option) => (
            <label key={option.value} style={{ display: "block" }}>
              <input type="radio" name="reminder" value={option.value} defaultChecked={option.value === reminder} /> {option.label}
            </label>
          ))}
        </fieldset>
        <div className={styles.actions}>
          <button type="submit" disabled={busy}>
            Save reminder
          </button>
        </div>
      </form>
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
