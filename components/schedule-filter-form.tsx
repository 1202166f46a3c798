"use client";

import type { FormEvent } from "react";
import type { FilterOptions } from "@/lib/schedule/filter-options";
import { scheduleHref, type ScheduleLinkValues } from "@/lib/schedule/schedule-href";
import { SHOWN_DATE_PARAM, SHOWN_Q_PARAM, searchCoversAllDays } from "@/lib/schedule/search-scope";
import { shortDayLabel } from "@/lib/time/display-zone";

interface Props {
  values: { date: string; category: string; venue: string; programme: string; admission: string; q: string; at: string };
  days: string[];
  options: FilterOptions;
}

/**
 * The schedule's filters. A plain GET form, so it works without JavaScript; with JavaScript the
 * empty fields are dropped from the URL before navigating, so shared links stay short.
 */
export function ScheduleFilterForm({ values, days, options }: Props) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const link: ScheduleLinkValues = {};
    for (const key of ["date", "category", "venue", "programme", "admission", "q", "at"] as const) {
      const value = data.get(key);
      if (typeof value === "string" && value.trim() !== "") link[key] = value.trim();
    }
    // A new search covers every day unless the visitor picked a day (lib/schedule/search-scope.ts).
    if (searchCoversAllDays({ date: link.date, q: link.q, shownDate: values.date, shownQ: values.q })) delete link.date;
    window.location.assign(scheduleHref(link));
  }

  return (
    <form className="schedule-filters no-print" method="get" action="/schedule" onSubmit={submit} role="search" aria-label="Filter the schedule">
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
    </form>
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
