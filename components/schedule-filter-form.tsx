"use client";

import Form from "next/form";
import type { FormEvent } from "react";
import { SCHEDULE_PATH, scheduleHref } from "@/lib/http/paths";
import type { FilterOptions } from "@/lib/schedule/filter-options";
import { shortDayLabel } from "@/lib/time/format";
import { SHOWN_DATE_PARAM, SHOWN_Q_PARAM, searchCoversAllDays } from "@/lib/schedule/search-scope";

interface Props {
  values: { date: string; category: string; venue: string; programme: string; admission: string; q: string; at: string };
  days: string[];
  options: FilterOptions;
}

/**
 * The schedule's filters: next/form, a GET form that works without JavaScript and, with it, is a
 * client navigation (no full reload; the page's shell and scroll state stay). Empty fields are
 * left out of the URL, so shared links stay short (?date=2017-08-14&category=culture).
 */
export function ScheduleFilterForm({ values, days, options }: Props) {
  function leaveOutEmptyFields(event: FormEvent<HTMLFormElement>) {
    // A disabled field is not submitted; next/form reads the fields right after this handler, and
    // they are enabled again once it has, since the form stays on the page after a client navigation.
    const emptied: (HTMLInputElement | HTMLSelectElement)[] = [];
    for (const field of Array.from(event.currentTarget.elements)) {
      if ((field instanceof HTMLInputElement || field instanceof HTMLSelectElement) && field.name && field.value.trim() === "") {
        field.disabled = true;
        emptied.push(field);
      }
    }
    // A new search covers every day unless the visitor picked a day (lib/schedule/search-scope.ts);
    // the two "shown" fields are for the server's copy of that rule, when JavaScript is off.
    const form = event.currentTarget;
    const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    const read = (name: string) => field(name)?.value.trim() ?? "";
    const allDays = searchCoversAllDays({ date: read("date"), q: read("q"), shownDate: values.date, shownQ: values.q });
    for (const name of [SHOWN_DATE_PARAM, SHOWN_Q_PARAM, ...(allDays ? ["date"] : [])]) {
      const hidden = field(name);
      if (hidden && !hidden.disabled) {
        hidden.disabled = true;
        emptied.push(hidden);
      }
    }
    setTimeout(() => emptied.forEach((field) => (field.disabled = false)), 0);
  }

  return (
    // No prefetch of the action's page: it is dynamic, so the prefetch brings nothing the submit
    // could reuse, and its answer is parsed on the phone's main thread after load (issue 13).
    <Form data-app-form className="schedule-filters no-print" action={SCHEDULE_PATH} prefetch={false} onSubmit={leaveOutEmptyFields} role="search" aria-label="Filter the schedule">
      {/* Without JavaScript the server applies the same rule from these two fields. */}
      <input type="hidden" name={SHOWN_DATE_PARAM} value={values.date} />
      <input type="hidden" name={SHOWN_Q_PARAM} value={values.q} />
      <div className="field wide">
        <label htmlFor="filter-q">Search</label>
        <input
          id="filter-q"
          name="q"
          type="search"
          maxLength={200}
          defaultValue={values.q}
          placeholder="Title, performer or venue"
          aria-describedby="filter-q-hint"
        />
        <span id="filter-q-hint" className="hint muted">
          A new search covers every day; pick a day to narrow it.
        </span>
      </div>
      <div className="field">
        <label htmlFor="filter-date">Day</label>
        <select id="filter-date" name="date" defaultValue={values.date}>
          <option value="all">All days</option>
          {days.map((day) => (
            <option key={day} value={day}>
              {shortDayLabel(day)} 2017
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-category">Category</label>
        <select id="filter-category" name="category" defaultValue={values.category}>
          <option value="">All categories</option>
          {options.categories.map((category) => (
            <optgroup key={category.slug} label={category.name}>
              <option value={category.slug}>All {category.name.toLowerCase()}</option>
              {category.subtypes.map((subtype) => (
                <option key={subtype.slug} value={subtype.slug}>
                  {subtype.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <NamedOptionsField name="venue" label="Venue" anyLabel="All venues" value={values.venue} options={options.venues} />
      <NamedOptionsField
        name="programme"
        label="Programme"
        anyLabel="All programmes"
        value={values.programme}
        options={options.programmes}
      />
      <div className="field">
        <label htmlFor="filter-admission">Admission</label>
        <select id="filter-admission" name="admission" defaultValue={values.admission}>
          <option value="">Free or ticketed</option>
          <option value="free">Free</option>
          <option value="ticketed">Ticketed</option>
        </select>
      </div>
      <details className="field wide" open={values.at !== ""}>
        <summary>Now and next at a chosen moment</summary>
        <label htmlFor="filter-at">Now and next at (Astana time)</label>
        <input
          id="filter-at"
          name="at"
          type="datetime-local"
          min="2017-06-10T00:00"
          max="2017-09-10T23:59"
          defaultValue={values.at}
        />
      </details>
      <div className="actions">
        <button type="submit">Show events</button>
        <a className="button secondary" href={scheduleHref({ date: values.date === "all" ? undefined : values.date })}>
          Clear filters
        </a>
      </div>
    </Form>
  );
}

/** A filter whose choices are rows with a slug and a name, plus "any" (the empty value). */
function NamedOptionsField(props: {
  name: string;
  label: string;
  anyLabel: string;
  value: string;
  options: { slug: string; name: string }[];
}) {
  const id = `filter-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((option) => (
          <option key={option.slug} value={option.slug}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
