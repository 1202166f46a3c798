/** Downloads the event as an .ics file; phones and calendar apps offer to add it. */
export function AddToCalendarLink({ slug }: { slug: string }) {
  return (
    <a className="button secondary" href={`/calendar/events/${encodeURIComponent(slug)}.ics`} download={`${slug}.ics`}>
      Add to calendar
    </a>
  );
}
