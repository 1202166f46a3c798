import path from "node:path";
import { queryRows } from "../helpers/scratch-database";
import { readSchemaOutline } from "../helpers/prisma-schema-outline";

// The test database was built from scratch by the project's migration runner (tests/setup/global-setup.ts).
const url = () => process.env.DATABASE_URL!;
const outline = readSchemaOutline(path.join(__dirname, "../../prisma/schema.prisma"));

describe("a database migrated from scratch", () => {
  it("has exactly the tables schema.prisma declares", async () => {
    const rows = await queryRows<{ table_name: string }>(
      url(),
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual([...outline.tables.keys()].sort());
  });

  it("has every enum", async () => {
    const rows = await queryRows<{ typname: string }>(
      url(),
      `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public' AND t.typtype = 'e'`,
    );
    expect(rows.map((r) => r.typname).sort()).toEqual(outline.enums);
  });

  it.each([...outline.tables.keys()])("table %s has the declared columns, indexes and foreign keys", async (table) => {
    const expected = outline.tables.get(table)!;
    const columns = await queryRows<{ column_name: string }>(
      url(),
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [table],
    );
    const indexes = await queryRows<{ indexname: string }>(
      url(),
      `SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1`,
      [table],
    );
    const foreignKeys = await queryRows<{ conname: string }>(
      url(),
      `SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = ('public."' || $1 || '"')::regclass`,
      [table],
    );

    expect(columns.map((c) => c.column_name).sort()).toEqual(expected.columns);
    expect(indexes.map((i) => i.indexname).sort()).toEqual(expected.indexes);
    expect(foreignKeys.map((f) => f.conname).sort()).toEqual(expected.foreignKeys);
  });

  it("searches event text through a trigram GIN index", async () => {
    const rows = await queryRows<{ indexdef: string }>(
      url(),
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'Event_searchText_idx'`,
    );
    expect(rows).toEqual([{ indexdef: expect.stringMatching(/USING gin \("searchText" gin_trgm_ops\)/) }]);
  });
});
