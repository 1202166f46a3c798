import { GET as exportCsv } from "@/app/api/admin/export.csv/route";
import { GET as exportJson } from "@/app/api/admin/export.json/route";
import { POST as importRoute } from "@/app/api/admin/import/route";
import { prisma } from "@/lib/db";
import { adminRequest, answer, resetChangeLog } from "../helpers/admin";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor } from "../helpers/session";
import { createTestEvent } from "../helpers/test-events";

let cookie: string;
const HEADER = "slug,title,start,end,venue,category,status";

async function upload(body: string | ReadableStream<Uint8Array>, query = "", contentType = "text/csv", headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost:3000/api/admin/import${query}`, {
    method: "POST",
    headers: { host: "localhost:3000", origin: "http://localhost:3000", cookie, "content-type": contentType, ...headers },
    body,
    ...(typeof body === "string" ? {} : { duplex: "half" }),
  } as RequestInit);
  return answer(await importRoute(request));
}

const testEvents = () =>
  prisma.event.findMany({
    where: { slug: { startsWith: "test-" } },
    select: { slug: true, title: true, startsAt: true, status: true, sequence: true, version: true, updatedAt: true },
    orderBy: { slug: "asc" },
  });

beforeEach(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
  cookie = await sessionCookieFor(await createTestUser({ role: "ADMIN" }));
});

afterAll(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
});

describe("POST /api/admin/import", () => {
  test("upserts by slug and reports created / updated / unchanged; a dry run writes nothing", async () => {
    await createTestEvent("test-existing", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z", "astana-opera");
    await createTestEvent("test-same", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z", "astana-opera");
    const sameTitle = "Title of test-same";
    const csv = [
      `${HEADER},subcategory`,
      "test-brand-new,Brand new,2017-07-20 19:00,2017-07-20 21:00,astana-opera,culture,scheduled,opera",
      "test-existing,Title of test-existing,2017-07-14 20:00,2017-07-14 22:00,barys-arena,culture,scheduled,",
      `test-same,${sameTitle},2017-07-13 19:00,2017-07-13 21:00,astana-opera,culture,scheduled,`,
    ].join("\n");
    const category = await prisma.event.findUniqueOrThrow({ where: { slug: "test-same" }, select: { category: { select: { slug: true } } } });
    const fixed = csv.replaceAll(",culture,", `,${category.category.slug},`);
    const before = await testEvents();
    expect(await upload(fixed, "?dryRun=true")).toEqual({ status: 200, body: { dryRun: true, created: 1, updated: 1, unchanged: 1 } });
    expect(await testEvents()).toEqual(before);
    expect(await prisma.changeLogEntry.count()).toEqual(0);

    expect(await upload(fixed)).toEqual({ status: 200, body: { dryRun: false, created: 1, updated: 1, unchanged: 1 } });
    const after = await testEvents();
    expect(after.map((event) => [event.slug, event.startsAt.toISOString(), event.sequence, event.version])).toEqual([
      ["test-brand-new", "2017-07-20T13:00:00.000Z", 0, 1],
      ["test-existing", "2017-07-14T14:00:00.000Z", 1, 2],
      ["test-same", "2017-07-13T13:00:00.000Z", 0, 1],
    ]);
    // The unchanged row was not touched: its feed's DTSTAMP stays.
    expect(after[2].updatedAt).toEqual(before.find((event) => event.slug === "test-same")!.updatedAt);
    const log = await prisma.changeLogEntry.findMany({ select: { kind: true, subjectSlug: true }, orderBy: { subjectSlug: "asc" } });
    expect(log).toEqual([
      { kind: "new", subjectSlug: "test-brand-new" },
      { kind: "moved", subjectSlug: "test-existing" },
    ]);
  });

  test("one bad last row: 422 listing every problem by row and column, and the database as before", async () => {
    await createTestEvent("test-existing", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z");
    const before = await testEvents();
    const csv = [
      HEADER,
      "test-one,One,2017-07-20 19:00,2017-07-20 21:00,astana-opera,culture,scheduled",
      "test-existing,Changed,2017-07-21 19:00,2017-07-21 21:00,astana-opera,culture,cancelled",
      "test-bad,Bad,tomorrow evening,2017-07-20 21:00,nowhere,culture,postponed",
    ].join("\r\n");
    expect(await upload(csv)).toEqual({
      status: 422,
      body: {
        error: "Nothing was imported: 2 problems in 1 row.",
        errors: [
          { row: 4, column: "start", message: 'must be an Astana time like "2017-07-13 19:00" or an ISO instant with offset' },
          { row: 4, column: "status", message: 'must be "scheduled" or "cancelled"' },
        ],
      },
    });
    expect(await testEvents()).toEqual(before);
    expect(await prisma.changeLogEntry.count()).toEqual(0);
  });

  test("unknown venues, repeated slugs and bad times are all reported together", async () => {
    const csv = [
      HEADER,
      "test-a,A,2017-07-20 19:00,2017-07-20 18:00,nowhere,culture,scheduled",
      "test-a,A again,2017-07-20 19:00,2017-07-20 21:00,astana-opera,culture,scheduled",
      "test-b,B,2017-07-20 19:00,2017-07-20 21:00,nowhere,culture,scheduled",
    ].join("\n");
    expect((await upload(csv)).body).toEqual({
      error: "Nothing was imported: 3 problems in 3 rows.",
      errors: [
        { row: 2, column: "end", message: "must be after the start" },
        { row: 3, column: "slug", message: "repeats the slug of row 2" },
        { row: 4, column: "venue", message: 'no venue "nowhere"' },
      ],
    });
  });

  test("CSV edge cases: BOM, CRLF, quoted commas, quotes and line breaks; HTML stays text", async () => {
    const csv =
      "\uFEFF" +
      [
        `${HEADER},description,performers`,
        `test-quoted,"Songs, dances and ""more"" <b>live</b>",2017-07-20 19:00,2017-07-20 21:00,astana-opera,culture,scheduled,"Line one\r\nLine two, still quoted","Aigul; Marat"`,
      ].join("\r\n") +
      "\r\n";
    expect(await upload(csv)).toEqual({ status: 200, body: { dryRun: false, created: 1, updated: 0, unchanged: 0 } });
    expect(await prisma.event.findUniqueOrThrow({ where: { slug: "test-quoted" }, select: { title: true, description: true, performers: true } })).toEqual({
      title: 'Songs, dances and "more" <b>live</b>',
      description: "Line one\nLine two, still quoted",
      performers: ["Aigul", "Marat"],
    });
  });

  test("a line break or control character in a title is refused (it must never become a calendar line)", async () => {
    const csv = `${HEADER}\ntest-x,"Title\r\nBEGIN:VEVENT",2017-07-20 19:00,2017-07-20 21:00,astana-opera,culture,scheduled\ntest-y,Bell\u0007,2017-07-20 19:00,2017-07-20 21:00,astana-opera,culture,scheduled\n`;
    expect((await upload(csv)).body).toEqual({
      error: "Nothing was imported: 2 problems in 2 rows.",
      errors: [
        { row: 2, column: "title", message: "must not contain line breaks or control characters" },
        { row: 3, column: "title", message: "must not contain line breaks or control characters" },
      ],
    });
  });

  test("an empty file, unknown columns, broken quoting and wrong content types never give a 500", async () => {
    expect(await upload("")).toEqual({ status: 422, body: { error: "Nothing was imported: 1 problem in 1 row.", errors: [{ row: 0, column: null, message: "the file is empty" }] } });
    expect((await upload(`${HEADER},colour\n`)).body).toEqual({
      error: "Nothing was imported: 1 problem in 1 row.",
      errors: [{ row: 1, column: "colour", message: "unknown column (known: slug, title, start, end, venue, category, status, subcategory, programme, admission, description, performers)" }],
    });
    expect((await upload(`${HEADER}\ntest-q,"unclosed,2017-07-20 19:00\n`)).status).toEqual(422);
    expect((await upload("[]", "", "application/json")).status).toEqual(422);
    expect((await upload("{not json", "", "application/json")).status).toEqual(422);
    expect((await upload("a,b", "", "text/plain")).status).toEqual(415);
  });

  test("a 60 MB body is refused with 413 before it is read or parsed", async () => {
    expect(await upload("x", "", "text/csv", { "content-length": String(60 * 1024 * 1024) })).toEqual({
      status: 413,
      body: { error: "The file is too large (limit 20 MiB)." },
    });
    // Without a Content-Length (chunked), reading stops once the limit is passed.
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(65);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 60) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    expect((await upload(stream)).status).toEqual(413);
    expect(sent).toBeLessThan(60);
  });

  test("JSON import takes the same fields", async () => {
    const body = JSON.stringify({
      events: [{ slug: "test-json", title: "From JSON", start: "2017-07-20T13:00:00Z", end: "2017-07-20T15:00:00Z", venue: "astana-opera", category: "culture", performers: ["A", "B"] }],
    });
    expect(await upload(body, "", "application/json")).toEqual({ status: 200, body: { dryRun: false, created: 1, updated: 0, unchanged: 0 } });
  });
});

describe("export", () => {
  test("exporting the whole programme and importing it again changes nothing (CSV and JSON)", async () => {
    await createTestEvent("test-roundtrip", "2017-07-13T13:00:30.500Z", "2017-07-13T15:00:00Z");
    const total = await prisma.event.count();
    const csv = await exportCsv(adminRequest("GET", "/api/admin/export.csv", cookie));
    expect(csv.headers.get("content-type")).toEqual("text/csv; charset=utf-8");
    const csvText = await csv.text();
    expect(csvText.split("\r\n")[0]).toEqual("slug,title,start,end,venue,category,status,subcategory,programme,admission,description,performers");
    const maxUpdatedAt = await prisma.event.aggregate({ _max: { updatedAt: true } });
    expect(await upload(csvText)).toEqual({ status: 200, body: { dryRun: false, created: 0, updated: 0, unchanged: total } });
    const json = await (await exportJson(adminRequest("GET", "/api/admin/export.json", cookie))).text();
    expect(await upload(json, "", "application/json")).toEqual({ status: 200, body: { dryRun: false, created: 0, updated: 0, unchanged: total } });
    expect(await prisma.event.aggregate({ _max: { updatedAt: true } })).toEqual(maxUpdatedAt);
    expect(await prisma.changeLogEntry.count()).toEqual(0);
  });
});
