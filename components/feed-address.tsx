"use client";
import { useId, useRef, useState } from "react";
import styles from "./calendar-feed.module.css";

/** A feed URL in a read-only field with a copy button, and the three clients' instructions. */
export function FeedAddress({ url, webcalUrl, label }: { url: string; webcalUrl: string; label: string }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied.");
    } catch {
      // Clipboard API refused (permissions, older browser): select the text for a manual copy.
      input.current?.select();
      setStatus("Select the address and copy it.");
    }
  }

  return (
    <>
      <div className={styles.actions}>
        <a className="button" href={webcalUrl}>
          Subscribe
        </a>
        <button type="button" className="secondary" onClick={copy}>
          Copy link
        </button>
      </div>
      <div className={styles.address}>
        <label htmlFor={inputId}>Feed address for {label}</label>
        <input id={inputId} ref={input} type="url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
      </div>
      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>
      <details className={styles.help}>
        <summary>How to subscribe</summary>
        <ul>
          <li>
            <strong>Google Calendar</strong> (on a computer): Other calendars → “+” → <em>From URL</em>, paste the
            https address above. Google refreshes it every few hours.
          </li>
          <li>
            <strong>Apple Calendar</strong> (iPhone, iPad, Mac): tap <em>Subscribe</em>, or File → New Calendar
            Subscription and paste the address.
          </li>
          <li>
            <strong>Outlook</strong>: Add calendar → <em>Subscribe from web</em>, paste the address.
          </li>
        </ul>
      </details>
    </>
  );
}
