import { DELETE as revokeShare } from "@/app/api/share-links/[id]/route";
import { GET as listShares, POST as createShare } from "@/app/api/share-links/route";
import { hashSecretToken } from "@/lib/security/secret-token";
import { prisma } from "@/lib/db";
import { getSharedItinerary } from "@/lib/itinerary/share-itinerary";
import { resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor, type TestUser } from "../helpers/session";

const ORIGIN = "http://localhost:3000";

async function request(user: TestUser | null, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<Request> {
  return new Request(`${ORIGIN}/api/share-links`, {
    method,
    headers: { ...(user ? { Cookie: await sessionCookieFor(user) } : {}), Origin: ORIGIN, "Content-Type": "application/json", ...headers },
    ...(body !== undefined && { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

async function share(user: TestUser, body: unknown): Promise<{ id: number; token: string; url: string }> {
  const response = await createShare(await request(user, "POST", body, { Origin: ORIGIN }));
  expect(response.status).toEqual(201);
  const created = await response.json();
  const token = /\/i\/([A-Za-z0-9_-]+)$/.exec(created.url)?.[1];
  if (!token) throw new Error(`no token in ${created.url}`);
  return { id: created.id, token, url: created.url };
}

async function revoke(user: TestUser, id: string | number): Promise<Response> {
  const req = new Request(`${ORIGIN}/api/share-links/${id}`, {
    method: "DELETE",
    headers: { Cookie: await sessionCookieFor(user), Origin: ORIGIN },
  });
  return revokeShare(req, { params: Promise.resolve({ id: String(id) }) });
}

async function save(user: TestUser, slugs: string[], note?: string): Promise<void> {
  const events = await prisma.event.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  await prisma.savedEvent.createMany({ data: events.map((event) => ({ userId: user.id, eventId: event.id, note })) });
}

beforeEach(async () => {
  await resetUserData();
});

describe("a shared itinerary link", () => {
  it("is created with 256 random bits of which only the SHA-256 is stored, never cached", async () => {
    const user = await createTestUser();
    const response = await createShare(await request(user, "POST", { days: ["2017-08-14"] }, { Origin: ORIGIN }));
    const body = await response.json();
    const token = /\/i\/([A-Za-z0-9_-]+)$/.exec(body.url)![1];
    expect([response.status, token.length, body.days, body.showName]).toEqual([201, 43, ["2017-08-14"], false]);
    expect(response.headers.get("cache-control")).toEqual("private, no-store");
    expect(response.headers.get("referrer-policy")).toEqual("no-referrer");
    const rows = await prisma.itineraryShare.findMany({ select: { tokenHash: true, userId: true } });
    expect(rows).toEqual([{ tokenHash: hashSecretToken(token), userId: user.id }]);
  });

  it("shows only the chosen days' saved events, without the owner's name unless opted in", async () => {
    const owner = await createTestUser({ name: "Aigerim" });
    await save(owner, ["pakistan-day-ceremony", "pakistan-day-evening-concert", "mahler-symphony-no-8"], "meet at gate B");
    const { token } = await share(owner, { days: ["2017-08-14"] });

    const shared = await getSharedItinerary(token);

    expect(shared?.ownerName).toBeNull();
    expect(shared?.days.map((day) => ({ date: day.date, slugs: day.events.map((event) => event.slug) }))).toEqual([
      { date: "2017-08-14", slugs: ["pakistan-day-ceremony", "pakistan-day-evening-concert"] },
    ]);
    expect(JSON.stringify(shared)).not.toMatch(/meet at gate B|@example\.test/);
  });

  it("names the owner only when they opted in, and keeps days in order without repeats", async () => {
    const owner = await createTestUser({ name: "Aigerim" });
    await save(owner, ["mahler-symphony-no-8"]);
    const { token } = await share(owner, { days: ["2017-08-26", "2017-08-14", "2017-08-26"], showName: true });

    const shared = await getSharedItinerary(token);

    expect(shared?.ownerName).toEqual("Aigerim");
    expect(shared?.days.map((day) => [day.date, day.events.length])).toEqual([
      ["2017-08-14", 0],
      ["2017-08-26", 1],
    ]);
  });

  it("is listed without its URL, and stops working once revoked", async () => {
    const owner = await createTestUser();
    const { id, token } = await share(owner, { days: ["2017-08-14"] });
    const listed = await (await listShares(await request(owner, "GET"))).json();
    expect(listed.shares.map((item: { id: number; url?: string }) => [item.id, item.url])).toEqual([[id, undefined]]);

    const response = await revoke(owner, id);

    expect([response.status, await response.json()]).toEqual([200, { id, revoked: true }]);
    expect(await getSharedItinerary(token)).toBeNull();
    expect((await (await listShares(await request(owner, "GET"))).json()).shares).toEqual([]);
    expect((await revoke(owner, id)).status).toEqual(404);
  });

  it("cannot be revoked by another visitor", async () => {
    const owner = await createTestUser();
    const other = await createTestUser();
    const { id, token } = await share(owner, { days: ["2017-08-14"] });

    expect((await revoke(other, id)).status).toEqual(404);
    expect(await getSharedItinerary(token)).not.toBeNull();
  });

  it("answers null (a 404) for malformed and unknown tokens", async () => {
    expect(await getSharedItinerary("nope")).toBeNull();
    expect(await getSharedItinerary("A".repeat(43))).toBeNull();
  });

  it("refuses bad input with 400 naming the field, without a session 401, from another origin 403", async () => {
    const user = await createTestUser();
    const bad = async (body: unknown) => {
      const response = await createShare(await request(user, "POST", body, { Origin: ORIGIN }));
      return [response.status, (await response.json()).details];
    };
    expect(await bad({ days: [] })).toEqual([400, [{ parameter: "days", message: "must name at least one day" }]]);
    expect(await bad({ days: ["2016-01-01"] })).toEqual([
      400,
      [{ parameter: "days.0", message: "2016-01-01 is outside the expo (2017-06-10 to 2017-09-10)" }],
    ]);
    expect(await bad({ days: ["2017-08-14"], email: true })).toEqual([400, [{ parameter: "body", message: "has unknown field(s): email" }]]);
    expect(await bad("{not json")).toEqual([400, expect.any(Array)]);
    expect((await revoke(user, "abc")).status).toEqual(404);
    expect((await createShare(await request(null, "POST", { days: ["2017-08-14"] }))).status).toEqual(401);
    expect((await createShare(await request(user, "POST", { days: ["2017-08-14"] }, { Origin: "https://evil.example" }))).status).toEqual(403);
    expect(await prisma.itineraryShare.count()).toEqual(0);
  });
});
