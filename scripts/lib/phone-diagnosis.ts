// What `npm run bench:phone` prints under each page's figures, read from Lighthouse's own report:
// the host's CPU benchmark, the main thread's long tasks and where its time went, and what the
// largest paint waited for. Under simulated throttling Lighthouse multiplies the main-thread time
// it OBSERVED on this host by the CPU multiplier, so these lines are what tells a slow or busy host
// apart from a page that does too much (decision 019).

/** The parts of a Lighthouse result read here (typed loosely: Lighthouse's types are ESM-only). */
export interface LhrLike {
  environment?: { benchmarkIndex?: number };
  audits: Record<string, { numericValue?: number; details?: unknown } | undefined>;
}

interface TableItem {
  [key: string]: unknown;
}

function items(lhr: LhrLike, audit: string): TableItem[] {
  const details = lhr.audits[audit]?.details as { items?: TableItem[] } | undefined;
  return details?.items ?? [];
}

const shortUrl = (url: unknown) => String(url ?? "").replace(/^https?:\/\/[^/]+/, "") || "(no url)";
const ms = (value: unknown) => `${Math.round(Number(value ?? 0))} ms`;

/**
 * Lighthouse's documented calibration (docs/throttling.md, "Calibrating the CPU slowdown", and the
 * CPU throttling calculator it links): the multiplier that makes THIS host behave like the
 * reference mid-tier phone is piecewise linear in benchmarkIndex — 1× at 150, 2× at 800, 3× at
 * 1300, then +1× per 233 (4× at 1533, the host the default 4× assumes). Below 150 the host is too
 * slow to emulate that phone at all: null.
 */
export function calibratedCpuMultiplier(benchmarkIndex: number): number | null {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex < 150) return null;
  if (benchmarkIndex < 800) return 1 + (benchmarkIndex - 150) / 650;
  if (benchmarkIndex < 1300) return 2 + (benchmarkIndex - 800) / 500;
  return 3 + (benchmarkIndex - 1300) / 233;
}

/** Lines describing one Lighthouse run: benchmark index, long tasks, main-thread groups, LCP. */
export function diagnosisLines(lhr: LhrLike): string[] {
  const lines = [`benchmarkIndex ${lhr.environment?.benchmarkIndex ?? "?"}`];
  const longTasks = items(lhr, "long-tasks");
  lines.push(
    `long tasks (simulated): ${longTasks.length ? longTasks.map((task) => `${shortUrl(task.url)} ${ms(task.duration)} at ${ms(task.startTime)}`).join("; ") : "none"}`,
  );
  const groups = items(lhr, "mainthread-work-breakdown").slice(0, 5);
  lines.push(`main thread: ${groups.map((group) => `${String(group.groupLabel ?? group.group)} ${ms(group.duration)}`).join(", ")}`);
  const scripts = items(lhr, "bootup-time").slice(0, 4);
  lines.push(`scripts: ${scripts.map((script) => `${shortUrl(script.url)} ${ms(script.total)} (eval ${ms(script.scripting)})`).join("; ")}`);
  // The LCP element audit is a list of two tables: the element, then its phases.
  const lcpDetails = lhr.audits["largest-contentful-paint-element"]?.details as { items?: { items?: TableItem[] }[] } | undefined;
  const element = lcpDetails?.items?.[0]?.items?.[0]?.node as { snippet?: string } | undefined;
  const phases = lcpDetails?.items?.[1]?.items ?? [];
  lines.push(`LCP element: ${element?.snippet?.slice(0, 100) ?? "?"}; ${phases.map((phase) => `${String(phase.phase)} ${ms(phase.timing)}`).join(", ")}`);
  const blocking = items(lhr, "render-blocking-resources");
  if (blocking.length) lines.push(`render-blocking: ${blocking.map((item) => `${shortUrl(item.url)} ${ms(item.wastedMs)}`).join("; ")}`);
  return lines;
}
