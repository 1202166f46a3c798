"use client";

import { useOptimistic, useState, useTransition, type FormEvent } from "react";
import { addDeviceSave, readDeviceSaves, removeDeviceSave, writeDeviceSaves } from "@/lib/itinerary/device-saves";
import { useSavedEvents } from "./saved-events-provider";

/**
 * Save or remove one event. A plain form posting to a server action, so it works before the
 * page's script has run (or without one: signed-out visitors are then asked to sign in). Once
 * hydrated, the label flips at once and is put back with a message if the server refuses;
 * signed out, the save is kept on this device until sign-in.
 */
export function SaveEventButton({ slug, title }: { slug: string; title: string }) {
  const { account, saved, saveAction } = useSavedEvents();
  const [shownSaved, setShownSaved] = useOptimistic(saved.has(slug));
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const wanted = !shownSaved;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    if (!account) {
      const current = readDeviceSaves();
      writeDeviceSaves(wanted ? addDeviceSave(current, slug) : removeDeviceSave(current, slug));
      return;
    }
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      setShownSaved(wanted);
      try {
        const result = await saveAction(formData);
        if (!result.ok) setMessage(`${title}: ${result.message}`);
      } catch {
        setMessage(`${title}: No connection: the itinerary was not changed. Try again.`);
      }
    });
  }

  // The form's own action is the server action itself, so React renders it as a real POST that
  // works before hydration; its answer is read only in onSubmit, hence the cast to React's type.
  const formAction = saveAction as unknown as (formData: FormData) => Promise<void>;
  return (
    <form className="save-event no-print" data-saved={shownSaved ? "true" : "false"} action={formAction} onSubmit={onSubmit}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="save" value={wanted ? "1" : "0"} />
      <button type="submit" className={shownSaved ? "secondary" : undefined} disabled={pending}>
        <span aria-hidden="true">{shownSaved ? "★" : "☆"}</span>
        {shownSaved ? "Remove from itinerary" : "Save to itinerary"}
      </button>
      {message ? (
        <span role="alert" className="error-text">
          {message}
        </span>
      ) : null}
    </form>
  );
}
