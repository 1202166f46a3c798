// RFC 5545 line folding (section 3.1), exactly as ical-generator 10's `foldLines` does it, but
// without its `new TextEncoder().encode(character)` per character, which is most of the time a
// whole-programme feed takes to render (docs/decisions/006-feed-caching.md). Public feeds are
// built event by event (feed-build-queue.ts), so they fold each event's lines themselves; the
// output must stay byte-identical to ical-generator's, which tests/unit/calendar-fold-lines.test.ts
// checks against the library's own function, including its handling of broken surrogate pairs.

/** UTF-8 octets of one UTF-16 code unit on its own; a lone surrogate encodes as U+FFFD (3 octets). */
function unitOctets(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  return 3;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * One content line folded so that no line exceeds 75 octets: ical-generator counts octets per
 * character and breaks ("\r\n ") before the character that would take the count past 74.
 */
function foldLine(line: string): string {
  // Most lines are short ASCII: at most 74 UTF-16 units are at most 74 octets only if ASCII, so
  // only the length test is safe as a shortcut for lines of 24 units or fewer (24 × 3 = 72).
  if (line.length <= 24) return line;
  const parts: string[] = [];
  let octets = 0;
  let from = 0;
  for (let index = 0; index < line.length; index++) {
    const code = line.charCodeAt(index);
    let width: number;
    let last = index;
    if (isHighSurrogate(code)) {
      // ical-generator takes the next unit along whatever it is (charAt(++r)), then encodes both.
      if (index + 1 < line.length) {
        const next = line.charCodeAt(index + 1);
        width = isLowSurrogate(next) ? 4 : 3 + unitOctets(next);
        last = index + 1;
      } else width = 3;
    } else width = unitOctets(code);
    octets += width;
    if (octets > 74) {
      parts.push(line.slice(from, index), "\r\n ");
      from = index;
      octets = width;
    }
    index = last;
  }
  parts.push(line.slice(from));
  return parts.join("");
}

/** Every line of `text` (CRLF-separated) folded as ical-generator folds a calendar. */
export function foldContentLines(text: string): string {
  return text.split("\r\n").map(foldLine).join("\r\n");
}
