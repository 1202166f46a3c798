// `npm run bench:import`: how long importing 10,000 events takes (new, unchanged, all changed)
// and exporting the programme. Uses the database named by DATABASE_URL, else a fresh embedded
// PostgreSQL seeded with the whole programme. Prints figures; asserts nothing. The events it
// creates (slugs "bench-import-…") and their change-log rows are removed at the end.
import { databaseUrl, openScratchServer } from "./lib/database-lifecycle";
import { prepareDatabase } from "./lib/local-database";

const ROWS = Number(process.env.ROWS ?? 10_000);

async function openDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  // A scratch folder the embedded server's own user may enter (as root it runs as `postgres`).
  const server = await openScratchServer({ purpose: "bench-import" });
  const url = databaseUrl(server.serverUrl, "postgres");
  await prepareDatabase(url, (line) => console.log(`[bench] ${line}`));
  return { url, stop: () => server.stop() };
}

function csvOf(venues: string[], shiftHours: number): string {
  const lines = ["slug,title,start,end,venue,category,status,subcategory,admission,description,performers"];
  for (let i = 0; i < ROWS; i++) {
    const day = 10 + (i % 20);
    const hour = 10 + (i % 8) + shiftHours;
    const title = `Bench concert ${i}, "quoted"`;
    lines.push(
      [
        `bench-import-${String(i).padStart(5, "0")}`,
        `"${title.replace(/"/g, '""')}"`,
        `2017-07-${day} ${String(hour).padStart(2, "0")}:00`,
        `2017-07-${day} ${String(hour + 1).padStart(2, "0")}:30`,
        venues[i % venues.length],
        "culture",
        i % 50 === 0 ? "cancelled" : "scheduled",
        "concert",
        "free",
        `"A description with a comma, and a second line\nfor event ${i}."`,
        "Orchestra; Soloist",
      ].join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The phases of the import being timed, printed under its line. */
const phases: [string, number][] = [];

async function timed<T>(label: string, action: () => Promise<T>): Promise<T> {
  phases.length = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await action();
  const used = process.cpuUsage(cpu);
  // Wall time depends on the machine's load; this process's CPU time (parse, validate, plan) less so.
  const wall = (performance.now() - started).toFixed(0).padStart(7);
  const own = ((used.user + used.system) / 1000).toFixed(0).padStart(6);
  console.log(`  ${label.padEnd(40)} ${wall} ms wall ${own} ms app CPU  ${JSON.stringify(result)}`);
  for (const [phase, ms] of phases) console.log(`      ${phase.padEnd(36)} ${ms.toFixed(0).padStart(7)} ms`);
  return result;
}

async function main(): Promise<void> {
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  // Imported after DATABASE_URL is set: lib/db.ts reads it once.
  const { prisma } = await import("../lib/db");
  const { parseImport } = await import("../lib/admin/parse-import");
  const { importProgramme } = await import("../lib/admin/import-programme");
  const { exportProgrammeRows, programmeCsv } = await import("../lib/admin/export-programme");
  try {
    const venues = (await prisma.venue.findMany({ select: { slug: true }, orderBy: { id: "asc" } })).map((venue) => venue.slug);
    const run = async (csv: string, dryRun = false) => {
      const started = performance.now();
      const parsed = parseImport("csv", csv);
      phases.push(["parse CSV (csv-parse)", performance.now() - started]);
      if (!parsed.ok) return { problems: parsed.problems.slice(0, 3) };
      const onPhase = (phase: string, ms: number) => phases.push([phase, ms]);
      const outcome = await importProgramme(parsed.records, { dryRun, allowOutsideExpo: false, actorId: null, onPhase });
      return outcome.ok ? outcome.counts : { problems: outcome.problems.slice(0, 3) };
    };
    const fresh = csvOf(venues, 0);
    const moved = csvOf(venues, 1);
    console.log(`\nImport of ${ROWS.toLocaleString("en")} rows (${(Buffer.byteLength(fresh) / 1024 / 1024).toFixed(1)} MB CSV), parse + validate + write in one transaction`);
    await timed("parse only (csv-parse)", async () => {
      const parsed = parseImport("csv", fresh);
      return parsed.ok ? { records: parsed.records.length } : { problems: parsed.problems.length };
    });
    await timed("dry run, all new", () => run(fresh, true));
    await timed("all new (created)", () => run(fresh));
    await timed("same file again (unchanged)", () => run(fresh));
    await timed("every time moved by an hour (updated)", () => run(moved));
    console.log("\nExport");
    await timed("whole programme to CSV", async () => {
      const csv = programmeCsv(await exportProgrammeRows());
      return { bytes: Buffer.byteLength(csv) };
    });
  } finally {
    await prisma.changeLogEntry.deleteMany({ where: { subjectSlug: { startsWith: "bench-import-" } } });
    await prisma.event.deleteMany({ where: { slug: { startsWith: "bench-import-" } } });
    await prisma.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
