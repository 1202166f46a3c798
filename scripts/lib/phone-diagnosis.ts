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
  // Lighthouse 12.2.3's LCP-element and render-blocking audits fail on this Chromium's trace
  // (a screenshot event format it predates); the LCP element is then read from the trace itself.
  const lcpDetails = lhr.audits["largest-contentful-paint-element"]?.details as { items?: { items?: TableItem[] }[] } | undefined;
  const element = lcpDetails?.items?.[0]?.items?.[0]?.node as { snippet?: string } | undefined;
  const phases = lcpDetails?.items?.[1]?.items ?? [];
  if (element) lines.push(`LCP element: ${element.snippet?.slice(0, 100)}; ${phases.map((phase) => `${String(phase.phase)} ${ms(phase.timing)}`).join(", ")}`);
  const blocking = items(lhr, "render-blocking-resources");
  if (blocking.length) lines.push(`render-blocking: ${blocking.map((item) => `${shortUrl(item.url)} ${ms(item.wastedMs)}`).join("; ")}`);
  return lines;
}

interface TraceEvent {
  name: string;
  ts: number;
  ph?: string;
  pid?: number;
  tid?: number;
  /** Wall time, µs: what Lighthouse reads. */
  dur?: number;
  /** The thread's CPU time, µs: what the page cost, whatever else the host was running. */
  tdur?: number;
  args?: { name?: string; data?: { nodeName?: string; size?: number; type?: string; url?: string; functionName?: string } };
}
type Trace = { traceEvents?: TraceEvent[] } | undefined;

/** The last largest-contentful-paint candidate of a Chromium trace: its element, size and kind. */
export function lcpCandidateOfTrace(trace: Trace): string {
  const candidates = (trace?.traceEvents ?? []).filter((event) => event.name === "largestContentfulPaint::Candidate");
  const last = candidates.sort((a, b) => a.ts - b.ts).at(-1)?.args?.data;
  return last ? `${last.nodeName ?? "?"} (${last.type ?? "?"}, ${last.size ?? "?"} px²)` : "none in the trace";
}

// The work inside a task worth naming: script evaluation or a call (with its file), HTML parsing,
// style and layout, microtasks (React's hydration and the router's fetch handling run there).
const WORK = new Set(["EvaluateScript", "FunctionCall", "ParseHTML", "UpdateLayoutTree", "Layout", "RunMicrotasks", "v8.compile", "Paint", "ParseAuthorStyleSheet", "MajorGC", "MinorGC"]);

/**
 * The page's main thread measured in CPU time (the trace's `tdur`) as well as wall time (`dur`).
 * Lighthouse's simulation multiplies wall time by the CPU multiplier, so on a host whose cores
 * are shared with other work a task that waited for a core counts as blocking. The CPU figures
 * do not move with the host's load: `cpuTbtMs` is this script's own estimate (not Lighthouse's
 * metric) — the sum over top-level tasks after the first contentful paint of 4 × CPU time − 50 ms.
 */
export function mainThreadCost(trace: Trace): { wallMs: number; cpuMs: number; cpuTbtMs: number; heaviest: string[] } {
  const events = trace?.traceEvents ?? [];
  const threadEvents = new Map<string, number>();
  const mainThreads = new Set(events.filter((event) => event.name === "thread_name" && event.args?.name === "CrRendererMain").map((event) => `${event.pid}:${event.tid}`));
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (mainThreads.has(key)) threadEvents.set(key, (threadEvents.get(key) ?? 0) + 1);
  }
  // The page's renderer is the busiest main thread in the trace.
  const main = [...threadEvents].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = events.filter((event) => `${event.pid}:${event.tid}` === main && event.ph === "X" && event.dur !== undefined);
  const tasks = own.filter((event) => event.name === "RunTask");
  const fcp = events.find((event) => event.name === "firstContentfulPaint")?.ts ?? 0;
  let wall = 0;
  let cpu = 0;
  let cpuTbt = 0;
  for (const task of tasks) {
    wall += task.dur ?? 0;
    cpu += task.tdur ?? 0;
    if (task.ts >= fcp) cpuTbt += Math.max(0, ((task.tdur ?? 0) * 4) / 1000 - 50);
  }
  const heaviest = [...tasks]
    .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
    .slice(0, 5)
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const inside = own.filter((event) => event !== task && WORK.has(event.name) && event.ts >= task.ts && event.ts < end);
      const biggest = inside.sort((a, b) => (b.tdur ?? b.dur ?? 0) - (a.tdur ?? a.dur ?? 0))[0];
      const what = biggest ? `${biggest.name}${biggest.args?.data?.url ? ` ${shortUrl(biggest.args.data.url)}` : ""}` : "?";
      return `${Math.round((task.tdur ?? 0) / 1000)} ms CPU at ${Math.round((task.ts - fcp) / 1000)} ms from FCP (${what})`;
    });
  return { wallMs: wall / 1000, cpuMs: cpu / 1000, cpuTbtMs: cpuTbt, heaviest };
}
