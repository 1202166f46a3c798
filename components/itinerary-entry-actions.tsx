"use client";

import { useActionState, useState } from "react";
import type { ActionResult } from "@/lib/http/problems";
import { MAX_NOTE_LENGTH } from "@/lib/itinerary/form-choices";
import styles from "./itinerary.module.css";

type FormAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult | null>;

/**
 * The note and the remove button of one saved event on /itinerary: forms posting to server
 * actions (they work before hydration too); the page is rendered again by the server afterwards.
 */
export function ItineraryEntryActions(props: {
  slug: string;
  title: string;
  note: string | null;
  saveNote: FormAction;
  remove: FormAction;
}) {
  const { slug, title, note } = props;
  const [draft, setDraft] = useState(note ?? "");
  const [noteResult, saveNote, savingNote] = useActionState(props.saveNote, null);
  const [removeResult, remove, removing] = useActionState(props.remove, null);
  const status = removeResult && !removeResult.ok ? removeResult : noteResult;
  const pending = savingNote || removing;
  const noteId = `note-${slug}`;

  return (
    <div className={`${styles.actions} no-print`}>
      <form className={styles.noteForm} action={saveNote}>
        <input type="hidden" name="slug" value={slug} />
        <label htmlFor={noteId}>Note for {title}</label>
        <textarea
          id={noteId}
          name="note"
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
          <button type="submit" formAction={remove} className="secondary" disabled={pending} aria-label={`Remove ${title} from itinerary`}>
            Remove
          </button>
        </div>
      </form>
      {status ? (
        <p role={status.ok ? "status" : "alert"} className={status.ok ? "muted" : "error-text"}>
          {status.message}
        </p>
      ) : null}
    </div>
  );
}
