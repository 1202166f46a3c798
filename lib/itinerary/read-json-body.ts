// A request body that is missing or not JSON is the client's mistake: a 400 naming it, never a 500.
export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** Parses the JSON body; an empty body gives `undefined` (callers decide whether that is allowed). */
export async function readJsonBody(request: Request): Promise<JsonBody> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return {
      ok: false,
      response: Response.json(
        { error: "The request body is not valid JSON.", details: [{ parameter: "body", message: "is not valid JSON" }] },
        { status: 400 },
      ),
    };
  }
}
