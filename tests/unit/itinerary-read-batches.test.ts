// How concurrent reads are gathered into statements (lib/itinerary/read-batches.ts). The read here
// is a function the test answers by hand, so which keys each statement got is exact; the real
// statement on PostgreSQL is in tests/integration/itinerary-door.test.ts.
import { readInBatches } from "@/lib/itinerary/read-batches";

interface Statement {
  keys: string[];
  answer(found: Record<string, string>): void;
  fail(error: Error): void;
}

/** A reader whose statements wait until the test answers them. */
function handAnsweredReader(options: { inFlight: number; batchSize: number }) {
  const statements: Statement[] = [];
  const read = readInBatches<string>(
    (keys) =>
      new Promise((resolve, reject) => {
        statements.push({ keys, answer: (found) => resolve(new Map(Object.entries(found))), fail: reject });
      }),
    options,
  );
  return { read, statements };
}

/** Lets the reader's setImmediate and the promise jobs around it run: two turns of the event loop. */
const turn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

describe("readInBatches", () => {
  test("reads keys asked for together in one statement, each distinct key once, and gives each caller its own value", async () => {
    const { read, statements } = handAnsweredReader({ inFlight: 1, batchSize: 100 });
    const results = Promise.all([read("a"), read("b"), read("gone"), read("a")]);
    await turn();
    expect(statements.map((statement) => statement.keys)).toEqual([["a", "b", "gone"]]);
    statements[0].answer({ a: "A", b: "B" });
    expect(await results).toEqual(["A", "B", undefined, "A"]);
  });

  test("keys asked for while a statement is in flight wait for the next statement, never joining one sent before they came", async () => {
    const { read, statements } = handAnsweredReader({ inFlight: 1, batchSize: 100 });
    const first = read("a");
    await turn();
    const later = [read("a"), read("c")];
    await turn();
    expect(statements.map((statement) => statement.keys)).toEqual([["a"]]);
    statements[0].answer({ a: "A before" });
    expect(await first).toEqual("A before");
    await turn();
    expect(statements.map((statement) => statement.keys)).toEqual([["a"], ["a", "c"]]);
    statements[1].answer({ a: "A after", c: "C" });
    expect(await Promise.all(later)).toEqual(["A after", "C"]);
  });

  test("the next statement is sent before the callers of the last one continue", async () => {
    const { read, statements } = handAnsweredReader({ inFlight: 1, batchSize: 100 });
    const first = read("a");
    await turn();
    const waiting = read("b");
    await turn();
    let statementsWhenFirstContinued = 0;
    const continued = first.then(() => (statementsWhenFirstContinued = statements.length));
    statements[0].answer({ a: "A" });
    await continued;
    // The caller of the first statement ran after the second was sent, not in turn with it.
    expect(statementsWhenFirstContinued).toEqual(2);
    expect(statements[1].keys).toEqual(["b"]);
    statements[1].answer({ b: "B" });
    expect(await waiting).toEqual("B");
  });

  test("keeps at most inFlight statements going", async () => {
    const { read, statements } = handAnsweredReader({ inFlight: 2, batchSize: 100 });
    const reads = [read("a")];
    await turn();
    reads.push(read("b"));
    await turn();
    reads.push(read("c"), read("d"));
    await turn();
    expect(statements.map((statement) => statement.keys)).toEqual([["a"], ["b"]]);
    statements[1].answer({ b: "B" });
    await reads[1];
    await turn();
    expect(statements.map((statement) => statement.keys)).toEqual([["a"], ["b"], ["c", "d"]]);
    statements[0].answer({ a: "A" });
    statements[2].answer({ c: "C", d: "D" });
    expect(await Promise.all(reads)).toEqual(["A", "B", "C", "D"]);
  });

  test("puts at most batchSize distinct keys in a statement; the rest go in the next", async () => {
    const { read, statements } = handAnsweredReader({ inFlight: 1, batchSize: 2 });
    const reads = [read("a"), read("b"), read("c"), read("a")];
    await turn();
    expect(statements.map((statement) => statement.keys)).toEqual([["a", "b"]]);
    statements[0].answer({ a: "A", b: "B" });
    await turn();
    expect(statements.map((statement) => statement.keys)).toEqual([["a", "b"], ["c"]]);
    statements[1].answer({ c: "C" });
    expect(await Promise.all(reads)).toEqual(["A", "B", "C", "A"]);
  });

  test("a failed statement fails every caller in it with its error, and the next statement reads as usual", async () => {
    const { read, statements } = handAnsweredReader({ inFlight: 1, batchSize: 100 });
    const failing = [read("a"), read("b"), read("a")].map((reading) => reading.then(() => "read", (error: Error) => error.message));
    await turn();
    statements[0].fail(new Error("Connection terminated unexpectedly"));
    expect(await Promise.all(failing)).toEqual(["Connection terminated unexpectedly", "Connection terminated unexpectedly", "Connection terminated unexpectedly"]);
    const next = read("a");
    await turn();
    statements[1].answer({ a: "A" });
    expect(await next).toEqual("A");
  });

  test("a read that throws before its promise fails its statement's callers the same way", async () => {
    const read = readInBatches<string>(() => {
      throw new Error("bad statement");
    }, { inFlight: 1, batchSize: 100 });
    const results = await Promise.allSettled([read("a"), read("b")]);
    expect(results.map((result) => (result.status === "rejected" ? (result.reason as Error).message : "read"))).toEqual(["bad statement", "bad statement"]);
  });
});
