// The budgets of issue 13 and the README table `npm run bench:phone` prints.

export const PHONE_BUDGETS = {
  performance: 95, // at least
  lcpMs: 2000, // under
  tbtMs: 100, // under
  cls: 0.05, // under
  bestPractices: 100, // at least
  accessibility: 100, // at least
  jsBytes: 150 * 1024, // at most, compressed
} as const;

export interface PhoneRow {
  page: string;
  performance: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  bestPractices: number;
  accessibility: number;
  /** Script bytes over the wire (compressed), as Lighthouse's resource summary counts them. */
  jsBytes: number;
}

/** The names of the budgets a row misses. */
export function budgetMarks(row: PhoneRow): string[] {
  const misses: string[] = [];
  if (row.performance < PHONE_BUDGETS.performance) misses.push("performance");
  if (!(row.lcpMs < PHONE_BUDGETS.lcpMs)) misses.push("LCP");
  if (!(row.tbtMs < PHONE_BUDGETS.tbtMs)) misses.push("TBT");
  if (!(row.cls < PHONE_BUDGETS.cls)) misses.push("CLS");
  if (row.bestPractices < PHONE_BUDGETS.bestPractices) misses.push("best-practices");
  if (row.accessibility < PHONE_BUDGETS.accessibility) misses.push("accessibility");
  if (row.jsBytes > PHONE_BUDGETS.jsBytes) misses.push("JS");
  return misses;
}

/** A Markdown table, a figure over budget marked with ✗, ready to paste into the README. */
export function formatPhoneTable(rows: PhoneRow[]): string {
  const mark = (ok: boolean, text: string) => (ok ? text : `${text} ✗`);
  const lines = [
    "| page | performance | LCP | TBT | CLS | best practices | accessibility | JS (compressed) |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const row of rows) {
    const misses = new Set(budgetMarks(row));
    lines.push(
      `| \`${row.page}\` | ${mark(!misses.has("performance"), String(row.performance))} | ${mark(!misses.has("LCP"), `${(row.lcpMs / 1000).toFixed(1)} s`)} | ${mark(!misses.has("TBT"), `${Math.round(row.tbtMs)} ms`)} | ${mark(!misses.has("CLS"), row.cls.toFixed(3))} | ${mark(!misses.has("best-practices"), String(row.bestPractices))} | ${mark(!misses.has("accessibility"), String(row.accessibility))} | ${mark(!misses.has("JS"), `${Math.round(row.jsBytes / 1024)} KiB`)} |`,
    );
  }
  return lines.join("\n");
}
