import { foldForSearch } from "../schedule/search-text";

/**
 * The text the trigram index searches: title, description, performers and venue name, folded as
 * the search folds its words (lower case, no accents, punctuation as spaces; lib/schedule/search-text.ts).
 * A change here reaches existing rows at the next `npm run db:seed`: the sync compares searchText.
 */
export function buildSearchText(event: { title: string; description: string; performers: readonly string[] }, venueName: string): string {
  return foldForSearch([event.title, event.description, ...event.performers, venueName].join(" "));
}
