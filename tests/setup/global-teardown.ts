import { dropDatabasesStartingWith } from "../../scripts/lib/database-lifecycle";
import type { TestDatabaseState } from "./global-setup";

export default async function globalTeardown(): Promise<void> {
  const state: TestDatabaseState | undefined = globalThis.__TEST_DATABASE__;
  if (!state) return;
  // Our own embedded server goes with its folder; a shared server keeps only what it had.
  if (!state.embedded) await dropDatabasesStartingWith(state.serverUrl, state.prefix);
  await state.stop();
}
