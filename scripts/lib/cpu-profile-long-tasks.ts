// The long tasks in a V8 CPU profile (`node --cpu-prof`): runs of consecutive samples in which the
// main thread was never idle, i.e. the event loop could not answer anyone. For each run longer
// than a threshold: its length and the functions it spent its time in (self time, and inclusive
// time of the frames that are not on nearly every sample), so `npm run bench:feeds` can say what
// held the loop — garbage collection, our build's steps, Next's response writing, compression.
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface LongTask {
  /** Milliseconds from the profile's start. */
  startMs: number;
  ms: number;
  /** CPU time of the process in the stall, when the probe measured it. */
  cpuMs?: number;
  /** Function → milliseconds on top of the stack. */
  self: [string, number][];
  /** Function → milliseconds anywhere on the stack (frames on ≥ 90 % of the samples left out). */
  inclusive: [string, number][];
}

/** A stall of the event loop as scripts/lib/event-loop-probe.cjs records it. */
export interface Stall {
  startMicros: number;
  ms: number;
  cpuMs: number;
}

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName || "(anonymous)";
  // Paths shortened to what tells them apart: the package, or the file under the project.
  const where = url.replace(/^.*node_modules\//, "").replace(/^.*\/(\.next[^/]*|lib|app)\//, "$1/");
  return `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`;
}

function top(map: Map<string, number>, count: number): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, us]) => [name, us / 1000]);
}

interface Sample {
  id: number;
  /** Monotonic microseconds (the clock of process.hrtime). */
  at: number;
  /** What the sample stands for: the time until the next one. */
  us: number;
}

class Profile {
  readonly samples: Sample[] = [];
  readonly startTime: number;
  private readonly byId: Map<number, ProfileNode>;
  private readonly parent = new Map<number, number>();

  constructor(file: string) {
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
    this.startTime = profile.startTime;
    this.byId = new Map(profile.nodes.map((node) => [node.id, node]));
    for (const node of profile.nodes) for (const child of node.children ?? []) this.parent.set(child, node.id);
    let time = profile.startTime;
    for (let index = 0; index < profile.samples.length; index++) {
      time += profile.timeDeltas[index];
      this.samples.push({ id: profile.samples[index], at: time, us: profile.timeDeltas[index + 1] ?? 0 });
    }
  }

  isIdle(sample: Sample): boolean {
    return this.byId.get(sample.id)?.callFrame.functionName === "(idle)";
  }

  stackOf(id: number): string[] {
    const names: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = this.parent.get(at)) {
      const node = this.byId.get(at);
      if (node) names.push(frameName(node));
    }
    return names;
  }

  /** Where the time of `samples` went. */
  attribute(samples: Sample[]): Omit<LongTask, "startMs" | "ms" | "cpuMs"> {
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    const seenIn = new Map<string, number>();
    for (const sample of samples) {
      const stack = this.stackOf(sample.id);
      self.set(stack[0], (self.get(stack[0]) ?? 0) + sample.us);
      for (const name of new Set(stack)) {
        inclusive.set(name, (inclusive.get(name) ?? 0) + sample.us);
        seenIn.set(name, (seenIn.get(name) ?? 0) + 1);
      }
    }
    for (const [name, count] of seenIn) if (count >= 0.9 * samples.length) inclusive.delete(name);
    return { self: top(self, 6), inclusive: top(inclusive, 8) };
  }
}

/**
 * Runs of non-idle samples longer than `thresholdMs`, longest first. At rest a run is one task; in
 * a burst the loop is rarely idle, so runs join many turns: use `stallsInProfile` then.
 */
export function longTasks(file: string, thresholdMs = 20, count = 10): LongTask[] {
  const profile = new Profile(file);
  const tasks: LongTask[] = [];
  let run: Sample[] = [];
  const close = () => {
    const ms = run.reduce((sum, sample) => sum + sample.us, 0) / 1000;
    if (ms > thresholdMs) tasks.push({ startMs: (run[0].at - profile.startTime) / 1000, ms, ...profile.attribute(run) });
    run = [];
  };
  for (const sample of profile.samples) {
    if (profile.isIdle(sample)) close();
    else run.push(sample);
  }
  close();
  return tasks.sort((a, b) => b.ms - a.ms).slice(0, count);
}

/** The `count` longest stalls the probe recorded, each with what the profile sampled during it. */
export function stallsInProfile(file: string, stalls: Stall[], count = 10): LongTask[] {
  const profile = new Profile(file);
  return [...stalls]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((stall) => {
      // The stall began at the probe's last tick and ended at most one tick (5 ms) after `ms`.
      const [from, to] = [stall.startMicros, stall.startMicros + (stall.ms + 5) * 1000];
      const samples = profile.samples.filter((sample) => sample.at >= from && sample.at < to && !profile.isIdle(sample));
      return { startMs: (from - profile.startTime) / 1000, ms: stall.ms, cpuMs: stall.cpuMs, ...profile.attribute(samples) };
    });
}

/** The long tasks as lines for the benchmark's log. */
export function describeLongTasks(tasks: LongTask[]): string[] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return tasks.flatMap((task) => [
    `${ms(task.ms)}${task.cpuMs === undefined ? "" : ` (${ms(task.cpuMs)} of CPU)`} at ${(task.startMs / 1000).toFixed(2)} s`,
    `    self: ${task.self.map(([name, value]) => `${name} ${ms(value)}`).join("; ")}`,
    `    in: ${task.inclusive.map(([name, value]) => `${name} ${ms(value)}`).join("; ")}`,
  ]);
}

// `npx tsx scripts/lib/cpu-profile-long-tasks.ts <file.cpuprofile> [probe.json | threshold ms]`
if (require.main === module) {
  const [file, second] = process.argv.slice(2);
  const tasks = second?.endsWith(".json")
    ? stallsInProfile(file, (JSON.parse(fs.readFileSync(second, "utf8")) as { stalls: Stall[] }).stalls)
    : longTasks(file, Number(second ?? 20));
  for (const line of describeLongTasks(tasks)) console.log(line);
}
