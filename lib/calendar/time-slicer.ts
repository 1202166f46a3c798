// Long synchronous work cut into turns of the event loop. A feed build over the whole programme
// is seconds of CPU on a loaded machine; done in one go, every other request (even /api/health)
// waits for all of it. Work that calls `turn()` between small steps hands the event loop back
// whenever it has held it for `budgetMs`, so others wait at most about one budget per turn they
// need (docs/decisions/012-bounded-feed-builds-and-malformed-requests.md).
//
// A build also rests as long as it held the loop before its next turn, so it never takes more than
// about half of one core: on a 2-core machine shared with PostgreSQL, a build that only yielded
// still kept both cores busy with its own queries, and a request as cheap as /api/health waited
// over 100 ms for a core now and then (bench:feeds). A build takes about twice as long instead.
import { setImmediate as nextTurn, setTimeout as rest } from "node:timers/promises";

/** How long a build may hold the event loop before it lets others run. */
export const TURN_BUDGET_MS = 5;
/** Rest after each turn, as a share of the time the turn held the loop. */
export const REST_RATIO = 1;

export class TimeSlicer {
  private since = performance.now();
  /** Times the work handed the event loop back, and the longest it held it, for tests and the benchmark. */
  yields = 0;
  longestHoldMs = 0;

  constructor(
    private readonly budgetMs: number = TURN_BUDGET_MS,
    private readonly restRatio: number = REST_RATIO,
  ) {}

  /**
   * Resolves at once (no await cost beyond a microtask) while the budget lasts; otherwise after
   * one turn of the event loop (setImmediate: after pending I/O callbacks, so waiting requests run).
   */
  async turn(): Promise<void> {
    if (performance.now() - this.since < this.budgetMs) return;
    await this.yieldNow();
  }

  /** Lets the event loop run now, e.g. between two database pages whose mapping is one block. */
  async yieldNow(): Promise<void> {
    const held = performance.now() - this.since;
    this.longestHoldMs = Math.max(this.longestHoldMs, held);
    const restMs = Math.round(held * this.restRatio);
    await (restMs >= 1 ? rest(restMs) : nextTurn());
    this.yields += 1;
    this.since = performance.now();
  }
}

/** `step` for each item in order, handing the event loop back every budget. */
export async function forEachInTurns<T>(items: readonly T[], slicer: TimeSlicer, step: (item: T) => void): Promise<void> {
  for (const item of items) {
    await slicer.turn();
    step(item);
  }
}
