// Preloaded into the app by `npm run bench:feeds` (node --require, BENCH_PROBE_OUT=<file>): records
// every stall of the event loop longer than STALL_MS (the gap between two ticks of a 5 ms interval
// timer, less the 5 ms), the CPU time in it of the main thread alone (Linux's schedstat, in
// nanoseconds: the work that held the loop, without the thread pool's gzip or GC helper threads)
// and of the whole process, how long the main thread waited for a core (on a shared machine most of
// a stall's wall time), and every garbage collection (perf_hooks 'gc' entries),
// then writes them as JSON when the app exits. The benchmark matches stalls with the collections
// inside them, to tell the build's own slices from garbage collection and from Next's work.
// CommonJS and dependency-free: it runs before Next loads anything.
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- a `node --require` preload is CommonJS */
const fs = require("node:fs");
const { PerformanceObserver, performance, constants } = require("node:perf_hooks");

const out = process.env.BENCH_PROBE_OUT;
const TICK_MS = 5;
const STALL_MS = 20;
const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: "minor",
  [constants.NODE_PERFORMANCE_GC_MAJOR]: "major",
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental",
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak callbacks",
};

if (out) {
  const gcs = [];
  const stalls = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcs.push({ start: entry.startTime, ms: entry.duration, kind: KINDS[entry.detail?.kind] ?? String(entry.detail?.kind) });
    }
  }).observe({ entryTypes: ["gc"] });

  // Monotonic microseconds as well, the clock of a V8 CPU profile's samples, to find the stall's samples.
  const micros = () => Number(process.hrtime.bigint() / 1000n);
  // The main thread's nanoseconds on a CPU and waiting for one (its task id is the process id);
  // NaN where there is no /proc.
  const schedstat = `/proc/self/task/${process.pid}/schedstat`;
  const mainThread = () => {
    try {
      const [running, waiting] = fs.readFileSync(schedstat, "utf8").split(" ").map(Number);
      return { cpu: running / 1e6, wait: waiting / 1e6 };
    } catch {
      return { cpu: NaN, wait: NaN };
    }
  };
  let lastMain = mainThread();
  let last = performance.now();
  let lastMicros = micros();
  let lastCpu = process.cpuUsage();
  setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    const main = mainThread();
    const gap = now - last - TICK_MS;
    if (gap > STALL_MS) {
      const processCpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
      stalls.push({ start: last, startMicros: lastMicros, ms: gap, cpuMs: main.cpu - lastMain.cpu, waitMs: main.wait - lastMain.wait, processCpuMs });
    }
    lastMain = main;
    last = now;
    lastMicros = micros();
    lastCpu = cpu;
  }, TICK_MS).unref();

  process.on("exit", () => {
    fs.writeFileSync(out, JSON.stringify({ stalls, gcs, heap: process.memoryUsage() }));
  });
}
