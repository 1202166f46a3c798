// Requests to the admin route handlers as the browser sends them, and clean-up of what admin
// tests create (events whose slugs start with "test-", change-log rows).
import { prisma } from "@/lib/db";

export const BASE = "http://localhost:3000";

export function adminRequest(method: string, path: string, cookie: string | null, body?: string, contentType = "application/json"): Request {
  const headers: Record<string, string> = { host: "localhost:3000" };
  if (cookie) headers.cookie = cookie;
  // Writes must come from the site itself (lib/auth/same-origin.ts), as a browser's do.
  if (method !== "GET" && method !== "HEAD") headers.origin = new URL(BASE).origin;
  if (body !== undefined) headers["content-type"] = contentType;
  return new Request(`${BASE}${path}`, { method, headers, body });
}

export async function answer(response: Response): Promise<{ status: number; body: unknown }> {
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, body: type.includes("json") ? JSON.parse(text) : text };
}

export async function resetChangeLog(): Promise<void> {
  await prisma.$executeRawUnsafe(`TRUNCATE "ChangeLogEntry" RESTART IDENTITY`);
}

/** A valid event in the form organisers enter it (Astana times). */
export function eventInput(slug: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    slug,
    title: `Title of ${slug}`,
    start: "2017-07-13 19:00",
    end: "2017-07-13 21:00",
    venue: "astana-opera",
    category: "culture",
    subcategory: "opera",
    ...overrides,
  };
}
