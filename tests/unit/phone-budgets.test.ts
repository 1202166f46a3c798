import { budgetMarks, formatPhoneTable, type PhoneRow } from "../../scripts/lib/phone-budgets";

const withinBudget: PhoneRow = {
  page: "/",
  performance: 98,
  lcpMs: 1500,
  tbtMs: 40,
  cls: 0.01,
  bestPractices: 100,
  accessibility: 100,
  jsBytes: 120 * 1024,
};

describe("phone budgets", () => {
  it("passes a row within every budget", () => {
    expect(budgetMarks(withinBudget)).toEqual([]);
  });

  it("names each budget a row misses, the limits being exclusive where issue 13 says under", () => {
    const row = { ...withinBudget, performance: 94, lcpMs: 2000, tbtMs: 100, cls: 0.05, bestPractices: 96, accessibility: 99, jsBytes: 150 * 1024 + 1 };
    expect(budgetMarks(row)).toEqual(["performance", "LCP", "TBT", "CLS", "best-practices", "accessibility", "JS"]);
  });

  it("prints a Markdown row with the misses marked", () => {
    const table = formatPhoneTable([withinBudget, { ...withinBudget, page: "/schedule", tbtMs: 370 }]);
    expect(table.split("\n")).toHaveLength(4);
    expect(table).toContain("| `/` | 98 | 1.5 s | 40 ms | 0.010 | 100 | 100 | 120 KiB |");
    expect(table).toContain("| 370 ms ✗ |");
  });
});
