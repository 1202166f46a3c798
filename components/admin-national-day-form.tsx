"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AdminNationalDayJson } from "@/lib/admin/national-day-editor";
import { nationalDayFieldsSchema, nationalDayPatchSchema, parseTimelineText } from "@/lib/admin/national-day-input";

// Create or edit a national day and its timeline. The same zod schemas as /api/admin/national-days
// check the input first; the server checks again (slug free, updatedAt still current: 409
// otherwise) and its problems are shown next to the fields. A timeline problem names its line.

type Problems = Record<string, string>;
type Detail = { parameter: string; message: string };
const fieldStyle = { display: "grid", gap: "0.25rem", marginBottom: "0.75rem" } as const;
const TIMELINE_PARTS: Record<string, string> = { date: "the date", dateLabel: "the date as written", text: "the text" };

/** "timeline.2.date" → the timeline box's "Line 3: the date must be a date YYYY-MM-DD". */
function problemsOf(details: Detail[] | undefined): Problems {
  const problems: Problems = {};
  for (const { parameter, message } of details ?? []) {
    const [field, line, part] = parameter.split(".");
    const text = field === "timeline" && line !== undefined ? `Line ${Number(line) + 1}: ${TIMELINE_PARTS[part] ?? part} ${message}` : message;
    problems[field] ??= text;
  }
  return problems;
}

export function AdminNationalDayForm({ day }: { day: AdminNationalDayJson | null }) {
  const router = useRouter();
  const [problems, setProblems] = useState<Problems>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(submitted: FormEvent<HTMLFormElement>) {
    submitted.preventDefault();
    const { timeline, ...fields } = Object.fromEntries(new FormData(submitted.currentTarget)) as Record<string, string>;
    const input = { ...fields, timeline: parseTimelineText(timeline ?? "") };
    const checked = day ? nationalDayPatchSchema.safeParse(input) : nationalDayFieldsSchema.safeParse(input);
    if (!checked.success) {
      setProblems(problemsOf(checked.error.issues.map((issue) => ({ parameter: issue.path.join("."), message: issue.message }))));
      setMessage("Some fields need attention.");
      return;
    }
    setProblems({});
    setPending(true);
    setMessage(null);
    try {
      const response = await fetch(day ? `/api/admin/national-days/${day.slug}` : "/api/admin/national-days", {
        method: day ? "PATCH" : "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(input),
      });
      const answer = (await response.json()) as { error?: string; details?: Detail[]; slug?: string };
      if (!response.ok || !answer.slug) {
        setProblems(problemsOf(answer.details));
        setMessage(answer.error ?? `The server answered ${response.status}.`);
        return;
      }
      router.push(`/admin/national-days/${answer.slug}`);
      router.refresh();
      setMessage("Saved.");
    } catch {
      setMessage("The change could not be sent. Check the connection and try again.");
    } finally {
      setPending(false);
    }
  }

  const problem = (name: string) =>
    problems[name] ? (
      <span id={`national-day-${name}-problem`} className="error-text">
        {problems[name]}
      </span>
    ) : null;
  const describedBy = (name: string) => ({ "aria-invalid": !!problems[name], "aria-describedby": problems[name] ? `national-day-${name}-problem` : undefined });
  const field = (name: "name" | "slug" | "country" | "date", label: string, hint?: string) => (
    <label style={fieldStyle}>
      {label}
      {hint ? <span className="muted">{hint}</span> : null}
      <input name={name} type={name === "date" ? "date" : "text"} defaultValue={day?.[name] ?? ""} readOnly={name === "slug" && day !== null} {...describedBy(name)} />
      {problem(name)}
    </label>
  );

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="admin-national-day-form">
      {day ? <input type="hidden" name="updatedAt" value={day.updatedAt} /> : null}
      {field("name", "Name", "e.g. National Day of Chile")}
      {day ? null : field("slug", "Address (slug)", "Lower-case letters, digits and hyphens; the page is /national-days/<slug>. It cannot change later.")}
      {field("country", "Country")}
      {field("date", "Day (Astana)")}
      <label style={{ marginBottom: "0.75rem", display: "block" }}>
        <input type="checkbox" name="allowOutsideExpo" /> Allow a day outside the expo (10 June – 10 September 2017)
      </label>
      <label style={fieldStyle}>
        Summary
        <textarea name="summary" rows={4} defaultValue={day?.summary ?? ""} {...describedBy("summary")} />
        {problem("summary")}
      </label>
      <label style={fieldStyle}>
        Timeline
        <span className="muted">One entry a line: date | date as written | what happened, e.g. “1992-02-24 | 24 February 1992 | Diplomatic relations established.”</span>
        <textarea name="timeline" rows={10} defaultValue={day?.timeline ?? ""} {...describedBy("timeline")} />
        {problem("timeline")}
      </label>
      {message ? (
        <p role="status" className={message !== "Saved." ? "error-text" : undefined}>
          {message}
        </p>
      ) : null}
      <p>
        <button type="submit" disabled={pending}>
          {day ? "Save national day" : "Create national day"}
        </button>
      </p>
    </form>
  );
}
