// Development tooling for the benchmark and the tests: captures the SQL Prisma sends and asks
// PostgreSQL how it would run it, to show that every list query over Event is served by an index.
import { PrismaPg } from "@prisma/adapter-pg";
import { Client } from "pg";
import { PrismaClient } from "../../lib/generated/prisma/client";

export interface CapturedQuery {
  query: string;
  params: unknown[];
}

/** A Prisma client that records every query it sends, for tooling that must see the real SQL. */
export function createRecordingPrismaClient(connectionString: string): { client: PrismaClient; queries: CapturedQuery[] } {
  const queries: CapturedQuery[] = [];
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => {
    queries.push({ query: event.query, params: JSON.parse(event.params) as unknown[] });
  });
  return { client, queries };
}

export interface ScanNode {
  nodeType: string;
  relation: string;
  index?: string;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  Plans?: PlanNode[];
}

function collectScans(node: PlanNode, into: ScanNode[]): ScanNode[] {
  if (node["Relation Name"]) {
    into.push({ nodeType: node["Node Type"], relation: node["Relation Name"], index: node["Index Name"] });
  } else if (node["Node Type"] === "Bitmap Index Scan") {
    into.push({ nodeType: node["Node Type"], relation: "(bitmap)", index: node["Index Name"] });
  }
  for (const child of node.Plans ?? []) collectScans(child, into);
  return into;
}

/** The scans PostgreSQL plans for a query, plus the plan as text for printing. */
export async function explainQuery(connectionString: string, captured: CapturedQuery): Promise<{ scans: ScanNode[]; text: string }> {
  const pg = new Client({ connectionString });
  await pg.connect();
  try {
    const json = await pg.query(`EXPLAIN (FORMAT JSON) ${captured.query}`, captured.params);
    const text = await pg.query(`EXPLAIN ${captured.query}`, captured.params);
    const plan = (json.rows[0] as { "QUERY PLAN": { Plan: PlanNode }[] })["QUERY PLAN"][0].Plan;
    return {
      scans: collectScans(plan, []),
      text: text.rows.map((row: { "QUERY PLAN": string }) => row["QUERY PLAN"]).join("\n"),
    };
  } finally {
    await pg.end();
  }
}

/**
 * What autovacuum does after a bulk load, done now: fresh planner statistics, and the trigram GIN
 * index's pending list merged (until then the planner prices that index far above a table scan).
 */
export async function vacuumAnalyzeEvents(connectionString: string): Promise<void> {
  const pg = new Client({ connectionString });
  await pg.connect();
  try {
    await pg.query(`VACUUM ANALYZE "Event"`);
  } finally {
    await pg.end();
  }
}
