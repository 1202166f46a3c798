/** The text the trigram index searches: title, description, performers and venue name, lower-cased. */
export function buildSearchText(event: { title: string; description: string; performers: readonly string[] }, venueName: string): string {
  return [event.title, event.description, ...event.performers, venueName]
    .filter((part) => part.length > 0)
    .join(" ")
    .toLowerCase();
}
