import "server-only";

// The import's body is read with a cap: a declared Content-Length over it is refused before a byte
// is read, and a body without one (chunked) is refused as soon as it passes the cap, so a 60 MB
// upload is never held in memory nor parsed.

/** 10,000 events with long descriptions fit in a few megabytes; 20 MiB leaves room. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportBody =
  | { ok: true; format: "csv" | "json"; text: string }
  | { ok: false; status: 413 | 415 | 422; error: string };

function tooLarge(limit: number): ImportBody {
  return { ok: false, status: 413, error: `The file is too large (limit ${Math.round(limit / 1024 / 1024)} MiB).` };
}

export function importFormat(contentType: string | null): "csv" | "json" | null {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "text/csv") return "csv";
  if (type === "application/json") return "json";
  return null;
}

export async function readImportBody(request: Request, limit: number = MAX_IMPORT_BYTES): Promise<ImportBody> {
  const format = importFormat(request.headers.get("content-type"));
  if (!format) return { ok: false, status: 415, error: "Send the file as Content-Type: text/csv or application/json." };
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge(limit);
  if (!request.body) return { ok: true, format, text: "" };
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return tooLarge(limit);
    }
    parts.push(value);
  }
  // fatal: bytes that are not UTF-8 are an error to report, not text to guess at.
  try {
    return { ok: true, format, text: new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(parts)) };
  } catch {
    return { ok: false, status: 422, error: "The file is not UTF-8 text." };
  }
}
