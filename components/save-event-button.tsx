"use client";

import { useState } from "react";
import { toggleSaved } from "@/lib/itinerary/saved-events-store";
import { useSavedEvents } from "@/lib/itinerary/use-saved-events";

/** Save or remove one event; works before sign-in too (kept in this browser until then). */
export function SaveEventButton({ slug, title }: { slug: string; title: string }) {
  const { account, saved } = useSavedEvents();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const isSaved = saved.has(slug);

  async function onClick() {
    setPending(true);
    setMessage(null);
    const result = await toggleSaved(slug);
    if (!result.ok) setMessage(`${title}: ${result.message}`);
    setPending(false);
  }

  return (
    <span className="save-event no-print" data-saved={isSaved ? "true" : "false"}>
      <button
        type="button"
        className={isSaved ? "secondary" : undefined}
        onClick={onClick}
        disabled={pending || account.status === "loading"}
      >
        <span aria-hidden="true">{isSaved ? "★" : "☆"}</span>
        {isSaved ? "Remove from itinerary" : "Save to itinerary"}
      </button>
      {message ? (
        <span role="alert" className="error-text">
          {message}
        </span>
      ) : null}
    </span>
  );
}
