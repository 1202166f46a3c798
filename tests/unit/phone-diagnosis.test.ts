import { calibratedCpuMultiplier, diagnosisLines, lcpCandidateOfTrace, mainThreadCost } from "../../scripts/lib/phone-diagnosis";

describe("calibratedCpuMultiplier (Lighthouse's documented benchmarkIndex → CPU slowdown calibration)", () => {
  it("gives 4× for the reference host Lighthouse's default assumes, and the calculator's anchor points", () => {
    expect(calibratedCpuMultiplier(1533)).toBeCloseTo(4, 2);
    expect(calibratedCpuMultiplier(1300)).toEqual(3);
    expect(calibratedCpuMultiplier(800)).toEqual(2);
    expect(calibratedCpuMultiplier(150)).toEqual(1);
    expect(calibratedCpuMultiplier(2000)).toBeCloseTo(6, 2);
  });

  it("interpolates linearly between the anchors", () => {
    expect(calibratedCpuMultiplier(475)).toEqual(1.5);
    expect(calibratedCpuMultiplier(1050)).toEqual(2.5);
  });

  it("gives no multiplier for a host too slow to emulate the reference phone, or no index", () => {
    expect(calibratedCpuMultiplier(149)).toEqual(null);
    expect(calibratedCpuMultiplier(Number.NaN)).toEqual(null);
  });
});

describe("diagnosisLines", () => {
  it("names the host's benchmark, the long tasks with their scripts, and the main thread's groups", () => {
    const lines = diagnosisLines({
      environment: { benchmarkIndex: 614 },
      audits: {
        "long-tasks": { details: { items: [{ url: "http://localhost:3000/_next/static/chunks/a.js", duration: 120.4, startTime: 900 }] } },
        "mainthread-work-breakdown": { details: { items: [{ groupLabel: "Script Evaluation", duration: 300 }] } },
        "bootup-time": { details: { items: [{ url: "http://localhost:3000/schedule", total: 200, scripting: 20 }] } },
      },
    });
    expect(lines).toEqual([
      "benchmarkIndex 614",
      "long tasks (simulated): /_next/static/chunks/a.js 120 ms at 900 ms",
      "main thread: Script Evaluation 300 ms",
      "scripts: /schedule 200 ms (eval 20 ms)",
    ]);
  });
});

describe("lcpCandidateOfTrace", () => {
  it("names the last candidate of the trace", () => {
    const trace = {
      traceEvents: [
        { name: "largestContentfulPaint::Candidate", ts: 2, args: { data: { nodeName: "H1", type: "text", size: 900 } } },
        { name: "largestContentfulPaint::Candidate", ts: 1, args: { data: { nodeName: "P", type: "text", size: 100 } } },
      ],
    };
    expect(lcpCandidateOfTrace(trace)).toEqual("H1 (text, 900 px²)");
    expect(lcpCandidateOfTrace({ traceEvents: [] })).toEqual("none in the trace");
  });
});

describe("mainThreadCost", () => {
  it("sums the renderer main thread's tasks in wall and CPU time, and estimates blocking from CPU time after FCP", () => {
    const main = { pid: 1, tid: 2, ph: "X" };
    const trace = {
      traceEvents: [
        { name: "thread_name", ts: 0, pid: 1, tid: 2, args: { name: "CrRendererMain" } },
        { name: "firstContentfulPaint", ts: 150_000, pid: 1, tid: 2 },
        // Before the first paint: counted in the totals, not in the blocking estimate.
        { name: "RunTask", ts: 0, dur: 100_000, tdur: 30_000, ...main },
        // After it: 20 ms of CPU at 4× is 80 ms, 30 ms over the 50 ms a task may take.
        { name: "RunTask", ts: 200_000, dur: 90_000, tdur: 20_000, ...main },
        { name: "EvaluateScript", ts: 200_100, dur: 80_000, tdur: 19_000, ...main, args: { data: { url: "http://localhost/_next/static/chunks/a.js" } } },
        // Another process's thread of the same name with fewer events is not the page's.
        { name: "thread_name", ts: 0, pid: 9, tid: 9, args: { name: "CrRendererMain" } },
      ],
    };
    const cost = mainThreadCost(trace);
    expect({ wallMs: cost.wallMs, cpuMs: cost.cpuMs, cpuTbtMs: cost.cpuTbtMs }).toEqual({ wallMs: 190, cpuMs: 50, cpuTbtMs: 30 });
    expect(cost.heaviest).toEqual([
      "30 ms CPU at -150 ms from FCP (?)",
      "20 ms CPU at 50 ms from FCP (EvaluateScript /_next/static/chunks/a.js)",
    ]);
  });
});
