"use client";
import { useId, useRef, useState } from "react";
import styles from "./calendar-feed.module.css";

/**
 * A feed URL in a read-only field with a copy button, and the three clients' instructions. With
 * `collapsed` (public feeds, shown above long lists on a phone) the address sits with the
 * instructions behind a disclosure; a private feed's address is shown only once, so never hidden.
 */
export function FeedAddress({
  url,
  webcalUrl,
  label,
  collapsed = false,
}: {
  url: string;
  webcalUrl: string;
  label: string;
  collapsed?: boolean;
}) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("Link copied.");
    } catch {
      // Clipboard API refused (permissions, older browser): show and select the text for a manual copy.
      input.current?.closest("details")?.setAttribute("open", "");
      input.current?.select();
      setStatus("Select the address and copy it.");
    }
  }

  const address = (
    <div className={styles.address}>
      <label htmlFor={inputId}>Feed address for {label}</label>
      <input id={inputId} ref={input} type="url" readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
    </div>
  );

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
      <p className={styles.status} role="status" aria-live="polite">
        {status}
      </p>
      {collapsed ? (
        <details className={styles.help}>
          <summary>Feed address and how to subscribe</summary>
          {address}
          <SubscribeInstructions />
        </details>
      ) : (
        <>
          {address}
          <details className={styles.help}>
            <summary>How to subscribe</summary>
            <SubscribeInstructions />
          </details>
        </>
      )}
    </>
  );
}

function SubscribeInstructions() {
  return (
    <ul>
      <li>
        <strong>Google Calendar</strong> (on a computer): Other calendars → “+” → <em>From URL</em>, paste the https
        address above. Google refreshes it every few hours.
      </li>
      <li>
        <strong>Apple Calendar</strong> (iPhone, iPad, Mac): tap <em>Subscribe</em>, or File → New Calendar Subscription
        and paste the address.
      </li>
      <li>
        <strong>Outlook</strong>: Add calendar → <em>Subscribe from web</em>, paste the address.
      </li>
    </ul>
  );
}
