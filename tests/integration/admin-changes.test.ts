import { GET as getChanges } from "@/app/api/changes/route";
import { GET as getAtom } from "@/app/changes.atom/route";
import { createEvent, updateEvent } from "@/lib/admin/event-editor";
import { getEventHistory } from "@/lib/admin/public-changes";
import { prisma } from "@/lib/db";
import { eventInput, resetChangeLog } from "../helpers/admin";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser } from "../helpers/session";

async function changes(query: string) {
  const response = await getChanges(new Request(`http://localhost:3000/api/changes${query}`));
  return { status: response.status, body: await response.json() };
}

let startedAt: string;

beforeAll(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
  const admin = await createTestUser({ role: "ADMIN", email: "secret-organiser@example.test", name: "Secret Organiser" });
  startedAt = new Date(Date.now() - 1000).toISOString();
  await createEvent(eventInput("test-log-a"), admin.id);
  await createEvent(eventInput("test-log-b", { venue: "nur-alem" }), admin.id);
  await updateEvent("test-log-a", { version: 1, start: "2017-07-14 20:00", end: "2017-07-14 22:00", venue: "barys-arena" }, admin.id);
  await updateEvent("test-log-b", { version: 1, status: "cancelled" }, admin.id);
});

afterAll(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
});

describe("GET /api/changes", () => {
  test("pages through every change since an instant, oldest first, with plain-words summaries", async () => {
    const first = await changes(`?since=${startedAt}&limit=3`);
    expect(first.status).toEqual(200);
    expect(first.body.changes.map((change: { slug: string; kind: string }) => [change.slug, change.kind])).toEqual([
      ["test-log-a", "new"],
      ["test-log-b", "new"],
      ["test-log-a", "moved"],
    ]);
    expect(first.body.changes[2].summary).toEqual(["Thu 13 Jul 19:00 → Fri 14 Jul 20:00", "Astana Opera → Barys Arena"]);
    const second = await changes(`?since=${startedAt}&limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.changes.map((change: { slug: string; kind: string; summary: string[] }) => [change.slug, change.kind, change.summary])).toEqual([
      ["test-log-b", "cancelled", ["Cancelled"]],
    ]);
    expect(second.body.nextCursor).toEqual(null);
  });

  test("filters by kind, day and venue", async () => {
    const cancelled = await changes("?kind=cancelled");
    const onFourteenth = await changes("?day=2017-07-14");
    const atNurAlem = await changes("?venue=nur-alem");
    expect([cancelled, onFourteenth, atNurAlem].map((result) => result.body.changes.map((change: { slug: string; kind: string }) => `${change.slug}:${change.kind}`))).toEqual([
      ["test-log-b:cancelled"],
      ["test-log-a:moved"],
      ["test-log-b:new", "test-log-b:cancelled"],
    ]);
  });

  test("a bad parameter is 400 in the shape of /api/events, naming each one", async () => {
    expect(await changes("?since=yesterday&limit=0&cursor=nope&kind=exploded")).toEqual({
      status: 400,
      body: {
        error: "Invalid query parameter: since, kind, limit, cursor",
        details: [
          { parameter: "since", message: "must be an ISO 8601 instant, e.g. 2017-07-01T00:00:00Z" },
          { parameter: "kind", message: "must be one of new, moved, rescheduled, cancelled, reinstated, removed, changed" },
          { parameter: "limit", message: "must be 1 to 200" },
          { parameter: "cursor", message: "is not a cursor from a previous answer" },
        ],
      },
    });
    expect((await changes("?venue=nowhere")).status).toEqual(400);
  });

  test("never shows who made a change", async () => {
    const text = JSON.stringify((await changes("")).body) + (await (await getAtom(new Request("http://localhost:3000/changes.atom"))).text());
    expect(text).not.toMatch(/secret-organiser|Secret Organiser|actor/i);
  });
});

describe("/changes.atom and an event's history", () => {
  test("the Atom feed lists the changes newest first with escaped titles", async () => {
    const response = await getAtom(new Request("http://localhost:3000/changes.atom"));
    const xml = await response.text();
    expect(response.headers.get("content-type")).toEqual("application/atom+xml; charset=utf-8");
    const titles = [...xml.matchAll(/<entry>\s*<id>[^<]+<\/id>\s*<title>([^<]+)<\/title>/g)].map((match) => match[1]);
    expect(titles).toEqual(["Cancelled: Title of test-log-b", "Moved: Title of test-log-a", "New: Title of test-log-b", "New: Title of test-log-a"]);
  });

  test("an event's history lists its own changes, newest first", async () => {
    const history = await getEventHistory("test-log-a");
    expect(history.map((change) => [change.kind, change.summary])).toEqual([
      ["moved", ["Thu 13 Jul 19:00 → Fri 14 Jul 20:00", "Astana Opera → Barys Arena"]],
      ["new", ["Thu 13 Jul 19:00, Astana Opera"]],
    ]);
    expect(await prisma.changeLogEntry.count()).toEqual(4);
  });
});
