import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { applyMigrations, MigrationError, readMigrations } from "../../prisma/migrate";
import { createScratchDatabase, queryRows } from "../helpers/scratch-database";

function writeMigrations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
}

const recorded = (url: string) =>
  queryRows<MigrationRow>(
    url,
    `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
  );

describe("applyMigrations", () => {
  let db: Awaited<ReturnType<typeof createScratchDatabase>>;
  beforeEach(async () => {
    db = await createScratchDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  it("applies folders in name order, each recorded with its SHA-256 checksum", async () => {
    // The second depends on the first: applied out of order it would fail.
    const dir = writeMigrations({
      "20170610000000_b_add_column": `ALTER TABLE "thing" ADD COLUMN "label" TEXT;`,
      "20170609000000_a_create": `CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);`,
    });

    const result = await applyMigrations(db.url, { dir });

    expect(result.applied).toEqual(["20170609000000_a_create", "20170610000000_b_add_column"]);
    const rows = await recorded(db.url);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      readMigrations(dir).map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
    expect(readMigrations(dir)[0].checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it("applies nothing the second time", async () => {
    const dir = writeMigrations({ "20170609000000_a": `CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);` });
    await applyMigrations(db.url, { dir });

    const again = await applyMigrations(db.url, { dir });

    expect(again).toEqual({ applied: [], alreadyApplied: ["20170609000000_a"] });
  });

  it("refuses, naming the migration, when an applied file was edited, and applies nothing new", async () => {
    const dir = writeMigrations({ "20170609000000_a": `CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);` });
    await applyMigrations(db.url, { dir });
    fs.writeFileSync(path.join(dir, "20170609000000_a", "migration.sql"), `CREATE TABLE "thing" ("id" BIGINT);`);
    fs.mkdirSync(path.join(dir, "20170610000000_b"));
    fs.writeFileSync(path.join(dir, "20170610000000_b", "migration.sql"), `CREATE TABLE "other" ("id" INT);`);

    await expect(applyMigrations(db.url, { dir })).rejects.toThrow(
      /Migration 20170609000000_a was edited after it was applied/,
    );
    expect((await recorded(db.url)).map((r) => r.migration_name)).toEqual(["20170609000000_a"]);
    expect(await queryRows(db.url, `SELECT to_regclass('public.other') AS t`)).toEqual([{ t: null }]);
  });

  it("rolls back a failing migration whole and records nothing for it", async () => {
    const dir = writeMigrations({
      "20170609000000_a": `CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);`,
      "20170610000000_b": `CREATE TABLE "half" ("id" INT); SELECT no_such_function();`,
    });

    await expect(applyMigrations(db.url, { dir })).rejects.toBeInstanceOf(MigrationError);

    expect((await recorded(db.url)).map((r) => r.migration_name)).toEqual(["20170609000000_a"]);
    expect(await queryRows(db.url, `SELECT to_regclass('public.half') AS t`)).toEqual([{ t: null }]);
  });

  it("waits for the advisory lock, so two instances starting together apply each migration once", async () => {
    const dir = writeMigrations({ "20170609000000_a": `CREATE TABLE "thing" ("id" SERIAL PRIMARY KEY);` });
    const holder = new Client({ connectionString: db.url });
    await holder.connect();
    await holder.query("SELECT pg_advisory_lock(72707369)");

    let finished = 0;
    const first = applyMigrations(db.url, { dir }).then((r) => (finished++, r));
    const second = applyMigrations(db.url, { dir }).then((r) => (finished++, r));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const finishedWhileLocked = finished;
    await holder.query("SELECT pg_advisory_unlock(72707369)");
    await holder.end();
    const results = await Promise.all([first, second]);

    expect(finishedWhileLocked).toBe(0);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 1]);
    expect(await recorded(db.url)).toHaveLength(1);
  });
});
