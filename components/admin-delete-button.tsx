"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

// Deletes a venue or national day through its admin API (which checks the version it was loaded
// at) after the organiser confirms; the server's refusal ("3 events use this venue…") is shown as is.

export function AdminDeleteButton({ url, what, afterwards }: { url: string; what: string; afterwards: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onClick() {
    if (!window.confirm(`Delete ${what}? This cannot be undone.`)) return;
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch(url, { method: "DELETE" });
      const answer = (await response.json()) as { error?: string };
      if (!response.ok) {
        setMessage(answer.error ?? `The server answered ${response.status}.`);
        return;
      }
      router.push(afterwards);
      router.refresh();
    } catch {
      setMessage("The deletion could not be sent. Check the connection and try again.");
    } finally {
      setPending(false);
    }
  }

  return (
    <p>
      <button type="button" className="secondary" disabled={pending} onClick={() => void onClick()}>
        Delete {what}
      </button>
      {message ? (
        <span role="alert" className="error-text">
          {" "}
          {message}
        </span>
      ) : null}
    </p>
  );
}
