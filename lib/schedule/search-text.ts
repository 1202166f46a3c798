// How search text is compared: both the stored searchText (buildSearchText in lib/programme/event-changes.ts) and the
// visitor's words are folded the same way, so "Astana Opera", "astana opera", "ASTANA-OPERA",
// "Placido" / "Plácido" and "Астана опера" all meet. Pure and browser-safe: the highlighter runs
// the same folding over the text it shows, so what is marked is exactly what matched.

// Russian and Kazakh Cyrillic to the Latin spellings the programme uses (BGN-like, no diacritics).
const CYRILLIC: Record<string, string> = {
  а: "a", ә: "a", б: "b", в: "v", г: "g", ғ: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i",
  й: "y", і: "i", к: "k", қ: "k", л: "l", м: "m", н: "n", ң: "n", о: "o", ө: "o", п: "p", р: "r",
  с: "s", т: "t", у: "u", ұ: "u", ү: "u", ф: "f", х: "kh", һ: "h", ц: "ts", ч: "ch", ш: "sh",
  щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

// Letters that Unicode decomposition leaves alone.
const LATIN_EXTRA: Record<string, string> = { ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ı: "i", þ: "th" };

// Apostrophes join ("Mahler's" → "mahlers", still containing "mahler"); other punctuation separates.
const APOSTROPHES = new Set(["'", "’", "ʼ", "`", "´"]);
const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const COMBINING_MARKS = /\p{M}+/gu;

/** The folded form of one character: lower case, no accents, Latin letters; "" or " " for punctuation. */
function foldCharacter(character: string): string {
  if (APOSTROPHES.has(character)) return "";
  const lower = character.toLowerCase();
  const mapped = CYRILLIC[lower] ?? LATIN_EXTRA[lower];
  if (mapped !== undefined) return mapped;
  const bare = lower.normalize("NFD").replace(COMBINING_MARKS, "");
  if (bare === "") return ""; // a lone combining mark
  return WORD_CHARACTER.test(bare) ? bare : " ";
}

/** Text as the search compares it: folded words separated by single spaces. */
export function foldForSearch(text: string): string {
  let folded = "";
  for (const character of text) folded += foldCharacter(character);
  return folded.replace(/\s+/g, " ").trim();
}

/** Folded words of a search, as many as the search uses. */
export function foldedSearchWords(q: string | undefined, limit = 10): string[] {
  const folded = foldForSearch(q ?? "");
  return folded ? folded.split(" ").slice(0, limit) : [];
}

export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Splits text into runs that match one of the folded words and runs that do not, for <mark>.
 * Matching is done on the folded text; each folded character remembers the original character it
 * came from, so the marked runs are whole original characters ("Plácido" for "placido").
 */
export function highlightSegments(text: string, words: readonly string[]): TextSegment[] {
  const wanted = words.filter((word) => word.length > 0);
  if (wanted.length === 0 || text === "") return text ? [{ text, match: false }] : [];
  let folded = "";
  const origin: number[] = []; // origin[i]: index in text of the character folded[i] came from
  let index = 0;
  for (const character of text) {
    const piece = foldCharacter(character);
    for (let k = 0; k < piece.length; k++) origin.push(index);
    folded += piece;
    index += character.length;
  }
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of wanted) {
    for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + 1)) {
      const start = origin[at];
      const lastOrigin = origin[at + word.length - 1];
      const end = lastOrigin + (text.codePointAt(lastOrigin)! > 0xffff ? 2 : 1);
      for (let i = start; i < end; i++) marked[i] = true;
    }
  }
  const segments: TextSegment[] = [];
  for (let i = 0; i < text.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.match === marked[i]) last.text += text[i];
    else segments.push({ text: text[i], match: marked[i] });
  }
  return segments;
}
