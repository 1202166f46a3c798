// The /admin pages' guard: requireAdmin(path) answers like /api/admin/* — 401 signed out, 403 for
// a signed-in visitor — through Next's unauthorized()/forbidden(), and gives an admin through.
import { NextRequest } from "next/server";
import { requireAdmin } from "@/lib/auth/session";
import { resetUserData } from "../helpers/db";
import { createTestUser, sessionCookieFor } from "../helpers/session";

// `next build` sets this from experimental.authInterrupts (next.config.js); jest does not.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

// next/headers answers with the cookie of the page request being simulated.
let mockCookie: string | undefined;
jest.mock("next/headers", () => {
  const request = () => new NextRequest("http://localhost:3000/admin", { headers: mockCookie ? { cookie: mockCookie } : {} });
  return { headers: async () => request().headers, cookies: async () => request().cookies };
});

/** The HTTP status the page would answer with, or the admin's id when it renders. */
async function outcome(cookie: string | undefined): Promise<number | string> {
  mockCookie = cookie;
  try {
    return (await requireAdmin("/admin")).id;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;")) return Number(digest.split(";")[1]);
    throw error;
  }
}

beforeEach(resetUserData);
afterAll(resetUserData);

test("an /admin page answers 401 signed out, 403 to a visitor, and renders for an admin", async () => {
  const visitor = await createTestUser({ role: "VISITOR" });
  const admin = await createTestUser({ role: "ADMIN" });
  expect([await outcome(undefined), await outcome(await sessionCookieFor(visitor)), await outcome(await sessionCookieFor(admin))]).toEqual([
    401,
    403,
    admin.id,
  ]);
});
