// Every text a feed writes: the cleaning every value passes through, the description teaser, and
// the calendar's name (X-WR-CALNAME: what a subscriber sees in the calendar list, so it names the
// selection, "EXPO 2017 — Pakistan Day", rather than the site).
//
// Every text that goes into a feed passes through feedText. ical-generator escapes CR/LF in most
// properties but not in X-WR-CALNAME, and a bare control character can still break a client's
// parser, so data is cleaned before it reaches the generator: a title containing
// "\r\nBEGIN:VEVENT" must stay one line of text, never become a component.

// Line and paragraph separators (including Unicode's) become a space so words do not run together.
const LINE_BREAKS = /[\r\n\t\v\f\u0085\u2028\u2029]+/g;
// C0 controls, DEL and C1 controls.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** One line of printable text: control characters removed, line breaks turned into single spaces. */
export function feedText(value: string): string {
  return value.replace(LINE_BREAKS, " ").replace(CONTROL_CHARACTERS, "").replace(/ {2,}/g, " ").trim();
}

export const SHORT_DESCRIPTION_LENGTH = 100;

/**
 * The description's first sentence, at most `limit` characters (cut at a word, with "…"): feeds
 * carry a teaser and the event page's URL, the page carries the rest.
 */
export function shortDescription(value: string, limit: number = SHORT_DESCRIPTION_LENGTH): string {
  const text = feedText(value);
  const sentenceEnd = text.search(/[.!?](\s|$)/);
  const sentence = sentenceEnd >= 0 ? text.slice(0, sentenceEnd + 1) : text;
  if (sentence.length <= limit) return sentence;
  const cut = sentence.slice(0, limit - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.-]+$/, "")}…`;
}

export const CALENDAR_NAME_PREFIX = "EXPO 2017";
const MAX_NAME_LENGTH = 120;

export function calendarName(parts: string[]): string {
  const cleaned = parts.map(feedText).filter((part) => part.length > 0);
  const name = `${CALENDAR_NAME_PREFIX} — ${cleaned.length ? cleaned.join(", ") : "Full programme"}`;
  return name.length <= MAX_NAME_LENGTH ? name : `${name.slice(0, MAX_NAME_LENGTH - 1).trimEnd()}…`;
}

export const ITINERARY_CALENDAR_NAME = calendarName(["My itinerary"]);
