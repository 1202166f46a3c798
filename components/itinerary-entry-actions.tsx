"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { MAX_NOTE_LENGTH, noteSchema } from "@/lib/itinerary/itinerary-schemas";
import { markRemoved } from "@/lib/itinerary/saved-events-store";
import styles from "./itinerary.module.css";

async function errorFrom(response: Response): Promise<string> {
  const body = (await response.json().catch(() => ({}))) as { error?: string; details?: { message: string }[] };
  if (response.status === 401) return "Your session has ended. Sign in again.";
  return [body.error, ...(body.details ?? []).map((d) => `Note ${d.message}.`)].filter(Boolean).join(" ") || "Something went wrong. Try again.";
}

/** The note and the remove button of one saved event on /itinerary. */
export function ItineraryEntryActions({ slug, title, note }: { slug: string; title: string; note: string | null }) {
  const router = useRouter();
  const [draft, setDraft] = useState(note ?? "");
  const [status, setStatus] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, setPending] = useState(false);
  const noteId = `note-${slug}`;

  async function saveNote(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = noteSchema.safeParse(draft);
    if (!checked.success) {
      setStatus({ kind: "error", text: `Note ${checked.error.issues[0].message}.` });
      return;
    }
    setPending(true);
    try {
      const response = await fetch(`/api/itinerary/${encodeURIComponent(slug)}`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ note: draft.trim() ? draft : null }),
      });
      setStatus(response.ok ? { kind: "ok", text: "Note saved." } : { kind: "error", text: await errorFrom(response) });
      if (response.ok) router.refresh();
    } catch {
      setStatus({ kind: "error", text: "No connection: the note was not saved." });
    }
    setPending(false);
  }

  async function remove() {
    setPending(true);
    try {
      const response = await fetch(`/api/itinerary/${encodeURIComponent(slug)}`, { method: "DELETE" });
      if (response.ok) {
        markRemoved(slug);
        router.refresh();
        return;
      }
      setStatus({ kind: "error", text: await errorFrom(response) });
    } catch {
      setStatus({ kind: "error", text: "No connection: the event was not removed." });
    }
    setPending(false);
  }

  return (
    <div className={`${styles.actions} no-print`}>
      <form className={styles.noteForm} onSubmit={saveNote}>
        <label htmlFor={noteId}>Note for {title}</label>
        <textarea
          id={noteId}
          value={draft}
          maxLength={MAX_NOTE_LENGTH}
          onChange={(event) => setDraft(event.target.value)}
          aria-describedby={`${noteId}-count`}
        />
        <span id={`${noteId}-count`} className="muted">
          {draft.length} of {MAX_NOTE_LENGTH.toLocaleString("en")} characters
        </span>
        <div className={styles.actions}>
          <button type="submit" className="secondary" disabled={pending}>
            Save note
          </button>
          <button type="button" className="secondary" onClick={remove} disabled={pending} aria-label={`Remove ${title} from itinerary`}>
            Remove
          </button>
        </div>
      </form>
      {status ? (
        <p role={status.kind === "error" ? "alert" : "status"} className={status.kind === "error" ? "error-text" : "muted"}>
          {status.text}
        </p>
      ) : null}
    </div>
  );
}
