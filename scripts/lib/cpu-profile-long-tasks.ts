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
  /** Function → milliseconds on top of the stack. */
  self: [string, number][];
  /** Function → milliseconds anywhere on the stack (frames on ≥ 90 % of the run's samples left out). */
  inclusive: [string, number][];
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

/** Runs of non-idle samples longer than `thresholdMs`, longest first. */
export function longTasks(file: string, thresholdMs = 20, count = 10): LongTask[] {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const stackOf = (id: number): string[] => {
    const names: string[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (node) names.push(frameName(node));
    }
    return names;
  };

  const tasks: LongTask[] = [];
  let run: { startUs: number; samples: { id: number; us: number }[] } | null = null;
  let time = profile.startTime;
  const close = () => {
    if (!run) return;
    const ms = run.samples.reduce((sum, sample) => sum + sample.us, 0) / 1000;
    if (ms > thresholdMs) {
      const self = new Map<string, number>();
      const inclusive = new Map<string, number>();
      const seenIn = new Map<string, number>();
      for (const sample of run.samples) {
        const stack = stackOf(sample.id);
        self.set(stack[0], (self.get(stack[0]) ?? 0) + sample.us);
        for (const name of new Set(stack)) {
          inclusive.set(name, (inclusive.get(name) ?? 0) + sample.us);
          seenIn.set(name, (seenIn.get(name) ?? 0) + 1);
        }
      }
      for (const [name, samples] of seenIn) if (samples >= 0.9 * run.samples.length) inclusive.delete(name);
      tasks.push({ startMs: (run.startUs - profile.startTime) / 1000, ms, self: top(self, 6), inclusive: top(inclusive, 8) });
    }
    run = null;
  };
  for (let index = 0; index < profile.samples.length; index++) {
    time += profile.timeDeltas[index];
    const id = profile.samples[index];
    // A sample stands for the time until the next one.
    const us = profile.timeDeltas[index + 1] ?? 0;
    if (byId.get(id)?.callFrame.functionName === "(idle)") {
      close();
      continue;
    }
    run ??= { startUs: time, samples: [] };
    run.samples.push({ id, us });
  }
  close();
  return tasks.sort((a, b) => b.ms - a.ms).slice(0, count);
}

/** The long tasks as lines for the benchmark's log. */
export function describeLongTasks(tasks: LongTask[]): string[] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return tasks.flatMap((task) => [
    `${ms(task.ms)} at ${(task.startMs / 1000).toFixed(2)} s`,
    `    self: ${task.self.map(([name, value]) => `${name} ${ms(value)}`).join("; ")}`,
    `    in: ${task.inclusive.map(([name, value]) => `${name} ${ms(value)}`).join("; ")}`,
  ]);
}

// `npx tsx scripts/lib/cpu-profile-long-tasks.ts <file.cpuprofile> [threshold ms]`
if (require.main === module) {
  const [file, threshold] = process.argv.slice(2);
  for (const line of describeLongTasks(longTasks(file, Number(threshold ?? 20)))) console.log(line);
}
