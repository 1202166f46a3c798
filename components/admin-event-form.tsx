"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AdminChoices } from "@/lib/admin/access";
import { eventInputSchema, eventPatchSchema } from "@/lib/admin/event-input";
import type { AdminEventJson } from "@/lib/admin/event-row";

// One form for creating and editing an event. It checks the input with the same zod schema as the
// server, then sends JSON to /api/admin/events; the server checks again (venue exists, slug free,
// version still current) and its answer's problems are shown next to the fields.

type Problems = Record<string, string>;
const fieldStyle = { display: "grid", gap: "0.25rem", marginBottom: "0.75rem" } as const;

function problemsOf(details: { parameter: string; message: string }[] | undefined): Problems {
  const problems: Problems = {};
  for (const { parameter, message } of details ?? []) problems[parameter] ??= message;
  return problems;
}

function Problem({ problems, field }: { problems: Problems; field: string }) {
  return problems[field] ? (
    <span id={`${field}-problem`} className="error-text">
      {problems[field]}
    </span>
  ) : null;
}

export function AdminEventForm({ choices, event }: { choices: AdminChoices; event: AdminEventJson | null }) {
  const router = useRouter();
  const [problems, setProblems] = useState<Problems>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function send(method: string, url: string, body: unknown): Promise<void> {
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch(url, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      const answer = (await response.json()) as { error?: string; details?: { parameter: string; message: string }[]; event?: AdminEventJson; deleted?: boolean };
      if (!response.ok) {
        setProblems(problemsOf(answer.details));
        setMessage(answer.error ?? `The server answered ${response.status}.`);
        return;
      }
      if (answer.deleted) router.push("/admin");
      else if (answer.event) {
        router.push(`/admin/events/${answer.event.slug}`);
        router.refresh();
        setMessage("Saved.");
      }
    } catch {
      setMessage("The change could not be sent. Check the connection and try again.");
    } finally {
      setPending(false);
    }
  }

  function onSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const input = Object.fromEntries(new FormData(submitted.currentTarget)) as Record<string, string>;
    const checked = event ? eventPatchSchema.safeParse(input) : eventInputSchema.safeParse(input);
    if (!checked.success) {
      setProblems(problemsOf(checked.error.issues.map((issue) => ({ parameter: String(issue.path[0]), message: issue.message }))));
      setMessage("Some fields need attention.");
      return;
    }
    setProblems({});
    void send(event ? "PATCH" : "POST", event ? `/api/admin/events/${event.slug}` : "/api/admin/events", input);
  }

  const text = (name: keyof AdminEventJson & string, label: string, hint?: string) => (
    <label style={fieldStyle}>
      {label}
      {hint ? <span className="muted">{hint}</span> : null}
      <input name={name} defaultValue={event ? String(event[name] ?? "") : ""} aria-invalid={!!problems[name]} aria-describedby={problems[name] ? `${name}-problem` : undefined} />
      <Problem problems={problems} field={name} />
    </label>
  );
  const select = (name: "venue" | "category" | "subcategory" | "programme", label: string, options: { slug: string; name: string }[], optional: boolean) => (
    <label style={fieldStyle}>
      {label}
      <select name={name} defaultValue={event ? event[name] : ""}>
        {optional || !event ? <option value="">{optional ? "None" : "Choose…"}</option> : null}
        {options.map((option) => (
          <option key={option.slug} value={option.slug}>
            {option.name}
          </option>
        ))}
      </select>
      <Problem problems={problems} field={name} />
    </label>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="admin-event-form">
      {event ? <input type="hidden" name="version" value={event.version} /> : null}
      {text("title", "Title")}
      {text("slug", "Address (slug)", "Lower-case letters, digits and hyphens; the event's page is /events/<slug>.")}
      {text("start", "Starts", "Astana time, e.g. 2017-07-13 19:00")}
      {text("end", "Ends", "Astana time, e.g. 2017-07-13 21:00")}
      {select("venue", "Venue", choices.venues, false)}
      {select("category", "Category", choices.categories, false)}
      {select("subcategory", "Type", choices.subcategories, true)}
      {select("programme", "Programme", choices.programmes, true)}
      <label style={fieldStyle}>
        Status
        <select name="status" defaultValue={event?.status ?? "scheduled"}>
          <option value="scheduled">Scheduled</option>
          <option value="cancelled">Cancelled</option>
        </select>
      </label>
      <label style={fieldStyle}>
        Admission
        <select name="admission" defaultValue={event?.admission ?? "unknown"}>
          <option value="unknown">Not known</option>
          <option value="free">Free</option>
          <option value="ticketed">Ticketed</option>
        </select>
      </label>
      <label style={fieldStyle}>
        Description
        <textarea name="description" rows={5} defaultValue={event?.description ?? ""} />
        <Problem problems={problems} field="description" />
      </label>
      <label style={fieldStyle}>
        Performers (one per line)
        <textarea name="performers" rows={3} defaultValue={event?.performers.join("\n") ?? ""} />
        <Problem problems={problems} field="performers" />
      </label>
      <label style={{ marginBottom: "0.75rem", display: "block" }}>
        <input type="checkbox" name="allowOutsideExpo" /> Allow dates outside the expo (10 June – 10 September 2017)
      </label>
      {message ? (
        <p role="status" className={Object.keys(problems).length || message !== "Saved." ? "error-text" : undefined}>
          {message}
        </p>
      ) : null}
      <p>
        <button type="submit" disabled={pending}>
          {event ? "Save changes" : "Create event"}
        </button>{" "}
        {event ? (
          <button type="button" className="secondary" disabled={pending} onClick={() => void send("DELETE", `/api/admin/events/${event.slug}?version=${event.version}`, undefined)}>
            {event.saves > 0 ? `Delete (cancels it: ${event.saves} visitor${event.saves === 1 ? "" : "s"} saved it)` : "Delete"}
          </button>
        ) : null}
      </p>
    </form>
  );
}
