// Path slugs (/events/{slug}, /api/venues/{slug}) are checked before any query: anything that is
// not a plausible slug is simply not found.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return value.length <= 100 && SLUG.test(value);
}
