import { eventCalendarPath } from "@/lib/http/paths";

/** Downloads the event as an .ics file; phones and calendar apps offer to add it. */
export function AddToCalendarLink({ slug }: { slug: string }) {
  return (
    <a className="button secondary" href={eventCalendarPath(slug)} download={`${slug}.ics`}>
      Add to calendar
    </a>
  );
}
