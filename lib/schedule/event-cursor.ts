// The paging cursor of GET /api/events and /schedule: the (startsAt, id) of the last event shown,
// signed with an HMAC so a client can neither forge nor edit one (a bad cursor is a 400, never a
// query with made-up values). Opaque on purpose: clients must not build cursors themselves.
import { createHmac, timingSafeEqual } from "node:crypto";

export interface EventCursor {
  startsAt: Date;
  id: number;
}

const DEV_KEY = "expo-2017-schedule-cursor-dev-key";
const MAX_CURSOR_LENGTH = 200;

function cursorKey(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  return secret && secret.trim() !== "" ? `cursor:${secret}` : DEV_KEY;
}

function sign(payload: string, key: string): string {
  return createHmac("sha256", key).update(payload).digest("base64url").slice(0, 22);
}

export function encodeEventCursor(cursor: EventCursor, key: string = cursorKey()): string {
  const payload = Buffer.from(JSON.stringify({ s: cursor.startsAt.toISOString(), i: cursor.id })).toString("base64url");
  return `${payload}.${sign(payload, key)}`;
}

/** The cursor, or null when the token is garbled, edited or signed with another key. */
export function decodeEventCursor(token: string, key: string = cursorKey()): EventCursor | null {
  if (token.length > MAX_CURSOR_LENGTH) return null;
  const [payload, signature, ...rest] = token.split(".");
  if (!payload || !signature || rest.length) return null;
  const expected = Buffer.from(sign(payload, key));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (typeof value !== "object" || value === null) return null;
    const { s, i } = value as { s?: unknown; i?: unknown };
    if (typeof s !== "string" || typeof i !== "number" || !Number.isSafeInteger(i)) return null;
    const startsAt = new Date(s);
    return Number.isNaN(startsAt.getTime()) ? null : { startsAt, id: i };
  } catch {
    return null;
  }
}
