import fs from "node:fs";
import { Client } from "pg";
import type { TestDatabaseState } from "./global-setup";

export default async function globalTeardown(): Promise<void> {
  const state: TestDatabaseState | undefined = globalThis.__TEST_DATABASE__;
  if (!state) return;
  if (state.stop) {
    await state.stop();
    if (state.dataDir) fs.rmSync(state.dataDir, { recursive: true, force: true });
    return;
  }
  const admin = new Client({ connectionString: state.serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${state.database}" WITH (FORCE)`);
  await admin.end();
}
