// `npm run db:seed`: writes the EXPO 2017 programme (prisma/data/expo-2017.json plus the generated
// events) into the database named by DATABASE_URL. Safe to run again: it changes only what differs.
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "../lib/db";
import { getEnv } from "../lib/env";
import { generateProgramme } from "../lib/seed/generate-programme";
import { readProgrammeFile } from "../lib/seed/load-programme-data";
import type { ProgrammeData } from "../lib/seed/programme-schema";
import { seedProgramme, type SeedOptions, type SeedResult } from "../lib/seed/seed-programme";

export const PROGRAMME_DATA_FILE = path.join(__dirname, "data", "expo-2017.json");

/** The whole programme a seed writes: the data file's events and the generated ones. */
export function loadProgramme(filePath: string = PROGRAMME_DATA_FILE): ProgrammeData {
  const file = readProgrammeFile(filePath);
  return {
    venues: file.venues,
    categories: file.categories,
    programmes: file.programmes,
    events: [...file.events, ...generateProgramme(file)],
  };
}

export async function seedDatabase(prisma: PrismaClient, options: SeedOptions = {}): Promise<SeedResult> {
  const result = await seedProgramme(prisma, loadProgramme(), options);
  // Fresh statistics at once: before autovacuum gets to a just-filled table, PostgreSQL prices the
  // trigram index as too expensive and scans every event for a search.
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE "Event"`);
  return result;
}

async function main(): Promise<void> {
  const started = performance.now();
  const prisma = createPrismaClient(getEnv().DATABASE_URL);
  try {
    const result = await seedDatabase(prisma, { log: (line) => console.log(line) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${result.events} events at ${result.venues} venues in ${seconds} s ` +
        `(${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged).`,
    );
  } finally {
    await prisma.$disconnect();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
