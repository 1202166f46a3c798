// The timetable's selection: the day and the schedule's own filters (same names, same meaning),
// sent as a plain GET form so the URL holds the whole selection and works without JavaScript.
import { TIMETABLE_PATH, timetableHref } from "@/lib/http/paths";
import type { FilterOptions } from "@/lib/schedule/filter-options";
import { shortDayLabel } from "@/lib/time/format";

interface Props {
  values: Record<string, string>;
  days: string[];
  options: FilterOptions;
}

function Choice(props: { name: string; label: string; any: string; value?: string; options: { slug: string; name: string }[] }) {
  const id = `timetable-${props.name}`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{props.any}</option>
        {props.options.map((option) => (
          <option key={option.slug} value={option.slug}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TimetableFilterForm({ values, days, options }: Props) {
  const categories = options.categories.flatMap((category) => [
    { slug: category.slug, name: category.name },
    ...category.subtypes.map((subtype) => ({ slug: subtype.slug, name: `${category.name} › ${subtype.name}` })),
  ]);
  return (
    <form className="schedule-filters no-print" method="get" action={TIMETABLE_PATH} role="search" aria-label="Choose the timetable's day and filters">
      <div className="field">
        <label htmlFor="timetable-date">Day</label>
        <select id="timetable-date" name="date" defaultValue={values.date}>
          {days.map((day) => (
            <option key={day} value={day}>
              {shortDayLabel(day)} 2017
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="timetable-q">Search</label>
        <input id="timetable-q" name="q" type="search" maxLength={200} defaultValue={values.q ?? ""} placeholder="Title, performer or venue" />
      </div>
      <Choice name="category" label="Category" any="All categories" value={values.category} options={categories} />
      <Choice name="venue" label="Venue" any="All venues" value={values.venue} options={options.venues} />
      <Choice name="programme" label="Programme" any="All programmes" value={values.programme} options={options.programmes} />
      <div className="field">
        <label htmlFor="timetable-admission">Admission</label>
        <select id="timetable-admission" name="admission" defaultValue={values.admission ?? ""}>
          <option value="">Free or ticketed</option>
          <option value="free">Free</option>
          <option value="ticketed">Ticketed</option>
        </select>
      </div>
      <div className="actions">
        <button type="submit">Show the timetable</button>
        <a className="button secondary" href={timetableHref({ date: values.date })}>
          Clear filters
        </a>
      </div>
    </form>
  );
}
