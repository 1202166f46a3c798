// A request body that is missing, not JSON or too large is the client's mistake: a 400 or 413
// naming it, never a 500, and never a whole upload held in memory first.
import { outcomeResponse, problem } from "./problems";

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

// Every JSON body this app accepts is small (a note of 1,000 characters, 500 slugs, a sign-up form).
export const MAX_JSON_BODY_BYTES = 64 * 1024;

function refuse(status: number, error: string, message: string): JsonBody {
  return { ok: false, response: outcomeResponse(problem(status, error, [{ parameter: "body", message }])) };
}

function tooLarge(limit: number): JsonBody {
  return refuse(413, `The request body is too large (limit ${limit / 1024} KiB).`, `must be at most ${limit.toLocaleString("en")} bytes`);
}

/** The body as text, or null once it passes `limit` bytes (the rest is not read). */
export async function readBodyText(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** True for application/json and its +json relatives, with or without parameters. */
export function isJsonContentType(value: string | null): boolean {
  const type = value?.split(";")[0].trim().toLowerCase() ?? "";
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** The 413 answer for a body over `limit` bytes. */
export function bodyTooLarge(limit: number = MAX_JSON_BODY_BYTES): Response {
  return (tooLarge(limit) as { ok: false; response: Response }).response;
}

/**
 * Parses the JSON body; an empty body gives `undefined` (callers decide whether that is allowed).
 * Over `limit` bytes is 413: told by Content-Length when the client sends it, counted while
 * reading when it does not (chunked uploads). A body sent as anything but JSON (text/plain, a form,
 * multipart) is 415: a cross-site form can send those without a CORS preflight.
 */
export async function readJsonBody(request: Request, limit: number = MAX_JSON_BODY_BYTES): Promise<JsonBody> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
  const text = await readBodyText(request, limit);
  if (text === null) return tooLarge(limit);
  if (text.trim() === "") return { ok: true, value: undefined };
  const contentType = request.headers.get("content-type");
  if (!isJsonContentType(contentType)) {
    return refuse(415, "The request body must be JSON (Content-Type: application/json).", `Content-Type ${contentType ?? "(none)"} is not application/json`);
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return refuse(400, "The request body is not valid JSON.", "is not valid JSON");
  }
}
