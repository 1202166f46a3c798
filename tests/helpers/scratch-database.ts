// A throwaway database on the test server, for tests that need an empty one (migration runner).
import { Client } from "pg";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../../scripts/lib/database-lifecycle";

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_SERVER_URL;
  if (!url) throw new Error("TEST_DATABASE_SERVER_URL is set by tests/setup/global-setup.ts");
  return url;
}

export async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = uniqueDatabaseName(`${process.env.TEST_DATABASE_PREFIX ?? "expo_test"}_scratch`);
  const url = await createDatabase(serverUrl(), name);
  return { url, drop: () => dropDatabase(serverUrl(), name) };
}

export async function queryRows<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
