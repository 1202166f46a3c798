// Issue 11, item 5: two `next start` processes of the production build on one database behave as
// one site. Both are started here on a database of their own (on the e2e run's server), after two
// migration runners started at the same moment have migrated it once between them.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { Client } from "pg";
import { createDatabase, dropDatabase, uniqueDatabaseName } from "../../scripts/lib/database-lifecycle";
import { prepareDatabase } from "../../scripts/lib/local-database";
import { readMigrations } from "../../prisma/migrate";
import { newApiVisitor, signInThroughApi, signUpThroughApi } from "./helpers/api-visitor";
import { becomesTrue, startApp, type OwnApp } from "./helpers/own-app";
import { uniqueAddress, uniqueEmail } from "./helpers/visitor";

test.describe.configure({ mode: "serial", timeout: 300_000 });

const root = path.join(__dirname, "..", "..");
const EVENT = "mahler-symphony-no-8";
const ORGANISER = uniqueEmail("two-organiser");
let serverUrl: string;
let databaseName: string;
let databaseUrl: string;
let a: OwnApp;
let b: OwnApp;

/** `npm run db:migrate`'s runner as a process of its own; resolves with its exit status. */
function migrationRunner(url: string): Promise<number> {
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), "prisma/migrate.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: "ignore",
  });
  return new Promise((resolve) => child.once("close", (code) => resolve(code ?? 1)));
}

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

test.beforeAll(async () => {
  const e2eDatabase = new URL(process.env.DATABASE_URL as string);
  e2eDatabase.pathname = "/postgres";
  serverUrl = e2eDatabase.toString();
  databaseName = uniqueDatabaseName("expo_two");
  databaseUrl = await createDatabase(serverUrl, databaseName);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  if (databaseName) await dropDatabase(serverUrl, databaseName);
});

test("two migration runners started at once apply each migration exactly once", async () => {
  const [first, second] = await Promise.all([migrationRunner(databaseUrl), migrationRunner(databaseUrl)]);
  expect([first, second]).toEqual([0, 0]);
  const rows = await query<{ migration_name: string; n: number }>(
    `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY migration_name ORDER BY migration_name`,
  );
  expect(rows).toEqual(readMigrations().map((migration) => ({ migration_name: migration.name, n: 1 })));

  // Seeded once, then both instances start on the same database and the same secret.
  await prepareDatabase(databaseUrl, () => {});
  [a, b] = await Promise.all([startApp(databaseUrl, { ADMIN_EMAILS: ORGANISER }), startApp(databaseUrl, { ADMIN_EMAILS: ORGANISER })]);
});

test("a visitor signed up and in on A is signed in on B, and a save through A is in B's itinerary", async () => {
  const visitor = await newApiVisitor(uniqueEmail("two-instances"));
  try {
    await signUpThroughApi(visitor, a.baseUrl, "Two Instances");
    expect(await signInThroughApi(visitor, a.baseUrl)).toEqual(200);

    const session = await visitor.call(b.baseUrl, "GET", "/api/auth/session");
    expect(((await session.json()) as { user?: { email?: string } }).user?.email).toEqual(visitor.email);
    expect((await visitor.call(b.baseUrl, "GET", "/api/itinerary")).status()).toEqual(200);

    const saved = await visitor.call(a.baseUrl, "PUT", `/api/itinerary/${EVENT}`, {});
    expect(saved.status()).toBeLessThan(300);
    const onB = (await (await visitor.call(b.baseUrl, "GET", "/api/itinerary")).json()) as { items: { slug: string }[] };
    expect(onB.items.map((item) => item.slug)).toEqual([EVENT]);

    const removed = await visitor.call(b.baseUrl, "DELETE", `/api/itinerary/${EVENT}`);
    expect(removed.status()).toBeLessThan(300);
    const onA = (await (await visitor.call(a.baseUrl, "GET", "/api/itinerary")).json()) as { items: unknown[] };
    expect(onA.items).toEqual([]);
  } finally {
    await visitor.dispose();
  }
});

test("failed sign-ins split across A and B count against one limit", async () => {
  const owner = await newApiVisitor(uniqueEmail("two-limit"));
  await signUpThroughApi(owner, a.baseUrl, "Limited");
  await owner.dispose();
  // A stranger's browser (no known-device cookie), from one address, alternating instances.
  const stranger = await newApiVisitor(owner.email, uniqueAddress());
  try {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      statuses.push(await signInThroughApi(stranger, attempt % 2 === 0 ? a.baseUrl : b.baseUrl, `wrong password ${attempt}`));
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // The sixth, even with the right password and on the instance that saw only two failures, is refused.
    expect(await signInThroughApi(stranger, b.baseUrl)).toEqual(429);
    expect(await signInThroughApi(stranger, a.baseUrl)).toEqual(429);
  } finally {
    await stranger.dispose();
  }
});

test("an organiser's change saved through A shows on B within 2 seconds", async () => {
  const title = async (base: string) => ((await (await fetch(`${base}/api/events/${EVENT}`)).json()) as { title?: string; event?: { title?: string } });
  const titleOf = (body: { title?: string; event?: { title?: string } }) => body.title ?? body.event?.title;
  // Both have the event cached before the change.
  const before = titleOf(await title(b.baseUrl));
  expect(titleOf(await title(a.baseUrl))).toEqual(before);

  const organiser = await newApiVisitor(ORGANISER);
  try {
    await signUpThroughApi(organiser, a.baseUrl, "Two Organiser");
    expect(await signInThroughApi(organiser, a.baseUrl)).toEqual(200);
    const current = (await (await organiser.call(a.baseUrl, "GET", `/api/admin/events/${EVENT}`)).json()) as { event: { version: number } };
    const changed = `${before} (moved, ${Date.now()})`;
    const saved = await organiser.call(a.baseUrl, "PATCH", `/api/admin/events/${EVENT}`, { version: current.event.version, title: changed });
    expect(saved.status(), await saved.text()).toEqual(200);

    // A confirmed the change: A never serves the old title again, and B has it within 2 s (NOTIFY).
    expect(titleOf(await title(a.baseUrl))).toEqual(changed);
    const seenOnB = await becomesTrue(async () => titleOf(await title(b.baseUrl)) === changed, 2_000);
    expect(seenOnB).toEqual(true);
  } finally {
    await organiser.dispose();
  }
});
