"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AdminVenueJson } from "@/lib/admin/venue-editor";
import { VENUE_KINDS, venueFieldsSchema, venuePatchSchema } from "@/lib/admin/venue-input";

// Create or edit a venue. The same zod schema as /api/admin/venues checks the input first; the
// server checks again (slug free, updatedAt still current: 409 otherwise) and its problems are
// shown next to the fields.

type Problems = Record<string, string>;
const fieldStyle = { display: "grid", gap: "0.25rem", marginBottom: "0.75rem" } as const;

// The server names a bad field "parameter", like every error answer of the app (lib/http/problems.ts).
function problemsOf(details: { parameter: string; message: string }[] | undefined): Problems {
  const problems: Problems = {};
  for (const { parameter, message } of details ?? []) problems[parameter] ??= message;
  return problems;
}

const kindLabel = (kind: string) => kind.charAt(0) + kind.slice(1).toLowerCase().replace("_", " ");

export function AdminVenueForm({ venue }: { venue: AdminVenueJson | null }) {
  const router = useRouter();
  const [problems, setProblems] = useState<Problems>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const input = Object.fromEntries(new FormData(submitted.currentTarget)) as Record<string, string>;
    const checked = venue ? venuePatchSchema.safeParse(input) : venueFieldsSchema.safeParse(input);
    if (!checked.success) {
      setProblems(problemsOf(checked.error.issues.map((issue) => ({ parameter: String(issue.path[0]), message: issue.message }))));
      setMessage("Some fields need attention.");
      return;
    }
    setProblems({});
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch(venue ? `/api/admin/venues/${venue.slug}` : "/api/admin/venues", {
        method: venue ? "PATCH" : "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(input),
      });
      const answer = (await response.json()) as { error?: string; details?: { parameter: string; message: string }[]; venue?: AdminVenueJson };
      if (!response.ok || !answer.venue) {
        setProblems(problemsOf(answer.details));
        setMessage(answer.error ?? `The server answered ${response.status}.`);
        return;
      }
      router.push(`/admin/venues/${answer.venue.slug}`);
      router.refresh();
      setMessage("Saved.");
    } catch {
      setMessage("The change could not be sent. Check the connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const field = (name: Exclude<keyof AdminVenueJson, "updatedAt">, label: string, hint?: string) => (
    <label style={fieldStyle}>
      {label}
      {hint ? <span className="muted">{hint}</span> : null}
      {name === "description" ? (
        <textarea name={name} rows={4} defaultValue={venue?.description ?? ""} />
      ) : (
        <input name={name} defaultValue={venue ? String(venue[name]) : ""} aria-invalid={!!problems[name]} aria-describedby={problems[name] ? `venue-${name}-problem` : undefined} />
      )}
      {problems[name] ? (
        <span id={`venue-${name}-problem`} className="error-text">
          {problems[name]}
        </span>
      ) : null}
    </label>
  );

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="admin-venue-form">
      {venue ? <input type="hidden" name="updatedAt" value={venue.updatedAt} /> : null}
      {field("name", "Name")}
      {field("slug", "Address (slug)", "Lower-case letters, digits and hyphens; the venue's page is /venues/<slug>.")}
      <label style={fieldStyle}>
        Kind
        <select name="kind" defaultValue={venue?.kind ?? "pavilion"}>
          {VENUE_KINDS.map((kind) => (
            <option key={kind} value={kind.toLowerCase()}>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
      </label>
      {field("address", "Street address")}
      {field("latitude", "Latitude", "Decimal degrees, e.g. 51.0889")}
      {field("longitude", "Longitude", "Decimal degrees, e.g. 71.4131")}
      {field("description", "Description")}
      {message ? (
        <p role="status" className={message !== "Saved." ? "error-text" : undefined}>
          {message}
        </p>
      ) : null}
      <p>
        <button type="submit" disabled={pending}>
          {venue ? "Save venue" : "Create venue"}
        </button>
      </p>
    </form>
  );
}
