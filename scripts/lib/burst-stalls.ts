// What held the app's event loop during bench:feeds' burst: the stalls scripts/lib/event-loop-probe.cjs
// recorded (gaps of more than 20 ms in a 5 ms timer) between the burst's start and end, with the
// process's CPU time in each and the garbage collections inside, and — given a CPU profile — what
// the profile sampled in the longest ones (cpu-profile-long-tasks.ts).
import { describeLongTasks, stallsInProfile, type Stall } from "./cpu-profile-long-tasks";

export interface Probe {
  /** cpuMs: the main thread's CPU time; processCpuMs: all threads' (thread pool and GC helpers too); waitMs: the main thread's wait for a core. */
  stalls: (Stall & { start: number; processCpuMs: number; waitMs: number })[];
  gcs: { start: number; ms: number; kind: string }[];
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Lines for the log: the burst's stalls, longest first, and its garbage collections. */
export function describeStalls(probe: Probe, [from, to]: [number, number], profileFile: string | null): string[] {
  const stalls = probe.stalls.filter((stall) => stall.startMicros >= from && stall.startMicros <= to);
  if (stalls.length === 0) return ["event loop during the burst: no stall over 20 ms"];
  // The probe's `start` (performance.now of the app) for the burst's window, from the stalls' pairs of clocks.
  const offset = stalls[0].start - stalls[0].startMicros / 1000;
  const [fromMs, toMs] = [from / 1000 + offset, to / 1000 + offset];
  const gcs = probe.gcs.filter((gc) => gc.start >= fromMs && gc.start <= toMs);
  const gcsIn = (stall: Probe["stalls"][number]) => gcs.filter((gc) => gc.start >= stall.start - 1 && gc.start < stall.start + stall.ms + 5);
  const byWall = [...stalls].sort((a, b) => b.ms - a.ms);
  const cpu = stalls.map((stall) => stall.cpuMs).sort((a, b) => a - b);
  const lines = [
    `event loop during the burst: ${stalls.length} stalls over 20 ms (${stalls.filter((stall) => stall.ms > 100).length} over 100 ms); ` +
      `longest ${ms(byWall[0].ms)} of wall time; CPU time of the main thread in a stall: p50 ${ms(percentile(cpu, 50))}, ` +
      `p99 ${ms(percentile(cpu, 99))}, max ${ms(cpu[cpu.length - 1])}`,
  ];
  for (const kind of ["minor", "major", "incremental"]) {
    const ofKind = gcs.filter((gc) => gc.kind === kind).map((gc) => gc.ms);
    if (ofKind.length) lines.push(`  ${kind} GC: ${ofKind.length}, ${ms(ofKind.reduce((a, b) => a + b, 0))} in all, longest ${ms(Math.max(...ofKind))}`);
  }
  const listed = (title: string, list: Probe["stalls"]) => {
    lines.push(`  ${title} (wall / main thread on a CPU / waiting for one / process CPU / GC inside):`);
    for (const stall of list.slice(0, 6)) {
      const inside = gcsIn(stall).map((gc) => `${gc.kind} ${ms(gc.ms)}`).join(", ") || "none";
      lines.push(`    ${ms(stall.ms)} / ${ms(stall.cpuMs)} / ${ms(stall.waitMs)} / ${ms(stall.processCpuMs)} / ${inside}`);
    }
  };
  listed("longest stalls", byWall);
  listed("stalls with the most main-thread CPU", [...stalls].sort((a, b) => b.cpuMs - a.cpuMs));
  if (profileFile) {
    lines.push("  what the CPU profile sampled in the longest stalls:");
    lines.push(...describeLongTasks(stallsInProfile(profileFile, stalls, 5)).map((line) => `    ${line}`));
  }
  return lines;
}
