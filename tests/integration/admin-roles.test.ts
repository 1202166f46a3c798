// ADMIN_EMAILS is read once per process (lib/env.ts); jest gives each test file its own modules.
process.env.ADMIN_EMAILS = " Organiser@Example.test , second@example.test";

import { POST as signUpRoute } from "@/app/api/auth/signup/route";
import { GET as listEvents, POST as createEventRoute } from "@/app/api/admin/events/route";
import { DELETE as deleteEventRoute, GET as getEventRoute, PATCH as patchEventRoute } from "@/app/api/admin/events/[slug]/route";
import { GET as exportCsv } from "@/app/api/admin/export.csv/route";
import { GET as exportJson } from "@/app/api/admin/export.json/route";
import { POST as importRoute } from "@/app/api/admin/import/route";
import { syncAdminRole } from "@/lib/auth/admin-role";
import { authOptions } from "@/lib/auth/auth-options";
import { prisma } from "@/lib/db";
import { adminRequest, answer, eventInput, resetChangeLog } from "../helpers/admin";
import { resetTestEvents, resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor } from "../helpers/session";
import { createTestEvent } from "../helpers/test-events";

const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });

// Every admin route handler, called as one kind of visitor.
const ROUTES: [string, (cookie: string | null) => Promise<Response>][] = [
  ["GET /api/admin/events", (cookie) => listEvents(adminRequest("GET", "/api/admin/events", cookie))],
  ["POST /api/admin/events", (cookie) => createEventRoute(adminRequest("POST", "/api/admin/events", cookie, JSON.stringify(eventInput("test-role-new"))))],
  ["GET /api/admin/events/{slug}", (cookie) => getEventRoute(adminRequest("GET", "/api/admin/events/test-role", cookie), slugParams("test-role"))],
  [
    "PATCH /api/admin/events/{slug}",
    (cookie) => patchEventRoute(adminRequest("PATCH", "/api/admin/events/test-role", cookie, JSON.stringify({ version: 1, title: "Changed" })), slugParams("test-role")),
  ],
  ["DELETE /api/admin/events/{slug}", (cookie) => deleteEventRoute(adminRequest("DELETE", "/api/admin/events/test-role?version=1", cookie), slugParams("test-role"))],
  [
    "POST /api/admin/import",
    (cookie) =>
      importRoute(
        adminRequest("POST", "/api/admin/import", cookie, "slug,title,start,end,venue,category\ntest-role-new,New,2017-07-13 19:00,2017-07-13 20:00,astana-opera,culture\n", "text/csv"),
      ),
  ],
  ["GET /api/admin/export.csv", (cookie) => exportCsv(adminRequest("GET", "/api/admin/export.csv", cookie))],
  ["GET /api/admin/export.json", (cookie) => exportJson(adminRequest("GET", "/api/admin/export.json", cookie))],
];

beforeEach(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
  await createTestEvent("test-role", "2017-07-13T13:00:00Z", "2017-07-13T15:00:00Z");
});

afterAll(async () => {
  await resetUserData();
  await resetTestEvents();
  await resetChangeLog();
});

describe("role checks on every admin route", () => {
  test.each(ROUTES)("%s answers 401 without a session and changes nothing", async (_name, call) => {
    const result = await answer(await call(null));
    expect(result).toEqual({ status: 401, body: { error: "Sign in to use the organiser tools." } });
    expect(await prisma.event.findUniqueOrThrow({ where: { slug: "test-role" }, select: { title: true, version: true } })).toEqual({
      title: "Title of test-role",
      version: 1,
    });
    expect(await prisma.changeLogEntry.count()).toEqual(0);
  });

  test.each(ROUTES)("%s answers 403 to a signed-in visitor and changes nothing", async (_name, call) => {
    const visitor = await createTestUser();
    const result = await answer(await call(await sessionCookieFor(visitor)));
    expect(result).toEqual({ status: 403, body: { error: "Only organisers (admins) may do this." } });
    expect(await prisma.event.count({ where: { slug: { in: ["test-role-new"] } } })).toEqual(0);
    expect(await prisma.changeLogEntry.count()).toEqual(0);
  });

  test.each(ROUTES)("%s works for an admin", async (_name, call) => {
    const admin = await createTestUser({ role: "ADMIN" });
    const result = await call(await sessionCookieFor(admin));
    expect([200, 201]).toContain(result.status);
  });

  test("a cross-site Origin is refused before anything is changed", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const request = new Request("http://localhost:3000/api/admin/events", {
      method: "POST",
      headers: { host: "localhost:3000", origin: "https://evil.example", cookie: await sessionCookieFor(admin), "content-type": "application/json" },
      body: JSON.stringify(eventInput("test-role-new")),
    });
    expect((await createEventRoute(request)).status).toEqual(403);
    expect(await prisma.event.count({ where: { slug: "test-role-new" } })).toEqual(0);
  });
});

describe("ADMIN_EMAILS", () => {
  test("sign-up with a listed email, in any case, gives the admin role; others stay visitors", async () => {
    for (const email of ["ORGANISER@example.test", "visitor@example.test"]) {
      await signUpRoute(
        new Request("http://localhost:3000/api/auth/signup", {
          method: "POST",
          headers: { host: "localhost:3000", origin: "http://localhost:3000", "content-type": "application/json" },
          body: JSON.stringify({ name: "Someone", email, password: "a long password" }),
        }),
      );
    }
    const users = await prisma.user.findMany({ select: { email: true, role: true }, orderBy: { email: "asc" } });
    expect(users).toEqual([
      { email: "organiser@example.test", role: "ADMIN" },
      { email: "visitor@example.test", role: "VISITOR" },
    ]);
  });

  test("every sign-in applies the list: a listed visitor is promoted, an unlisted admin demoted", async () => {
    const listed = await createTestUser({ email: "second@example.test" });
    const unlisted = await createTestUser({ email: "former@example.test", role: "ADMIN" });
    const jwt = authOptions().callbacks!.jwt!;
    const tokens = [];
    for (const user of [listed, unlisted]) {
      tokens.push(await jwt({ token: {}, user: { id: user.id, email: user.email }, account: null, trigger: "signIn" }));
    }
    expect(tokens.map((token) => token.role)).toEqual(["ADMIN", "VISITOR"]);
    const roles = await prisma.user.findMany({ where: { id: { in: [listed.id, unlisted.id] } }, select: { email: true, role: true }, orderBy: { email: "asc" } });
    expect(roles).toEqual([
      { email: "former@example.test", role: "VISITOR" },
      { email: "second@example.test", role: "ADMIN" },
    ]);
  });

  test("syncAdminRole answers the role it set", async () => {
    const user = await createTestUser({ email: "organiser@example.test" });
    expect(await syncAdminRole(user.id, user.email)).toEqual("ADMIN");
  });
});
