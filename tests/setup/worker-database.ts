// Runs before every test file: points DATABASE_URL at this jest worker's own database, a copy of the
// migrated, seeded template made by global-setup.ts, so files in different workers never share data.
// It must run before lib/db.ts creates its client, which happens on first use, after this.
import { databaseUrl, ensureDatabase } from "../../scripts/lib/database-lifecycle";

const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
const prefix = process.env.TEST_DATABASE_PREFIX;
const template = process.env.TEST_DATABASE_TEMPLATE;
if (!serverUrl || !prefix || !template) throw new Error("tests/setup/global-setup.ts did not run: start tests with npm test or npx jest");

// JEST_WORKER_ID is 1…maxWorkers, and a worker runs one file at a time, so the copy is never shared.
const name = `${prefix}_w${process.env.JEST_WORKER_ID ?? "1"}`;
process.env.DATABASE_URL = databaseUrl(serverUrl, name);

beforeAll(async () => {
  // Made the first time a worker needs it (a run of one file copies once, not once per core).
  await ensureDatabase(serverUrl, name, { template });
});

afterAll(async () => {
  // lib/db.ts parks its client on this file's global; an open pool would keep the worker alive.
  await (globalThis as { prisma?: { $disconnect(): Promise<void> } }).prisma?.$disconnect();
});
