import { MAX_JSON_BODY_BYTES, readJsonBody } from "../../lib/http/read-json-body";

async function read(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  const result = await readJsonBody(new Request("http://localhost/x", { method: "POST", body, headers, duplex: "half" } as RequestInit));
  return result.ok ? { ok: true, value: result.value } : { ok: false, status: result.response.status, body: await result.response.json() };
}

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

const TOO_LARGE = {
  ok: false,
  status: 413,
  body: { error: "The request body is too large (limit 64 KiB).", details: [{ parameter: "body", message: "must be at most 65,536 bytes" }] },
};

describe("readJsonBody", () => {
  test("parses JSON; an empty body is undefined; broken JSON is 400", async () => {
    expect([await read('{"note":"x"}'), await read(null), await read("  "), await read("{oops")]).toEqual([
      { ok: true, value: { note: "x" } },
      { ok: true, value: undefined },
      { ok: true, value: undefined },
      { ok: false, status: 400, body: { error: "The request body is not valid JSON.", details: [{ parameter: "body", message: "is not valid JSON" }] } },
    ]);
  });

  test("a body of exactly 64 KiB is read", async () => {
    const body = JSON.stringify({ note: "n".repeat(MAX_JSON_BODY_BYTES - 11) });
    expect(body.length).toEqual(MAX_JSON_BODY_BYTES);
    expect((await read(body)).ok).toEqual(true);
  });

  test("a Content-Length over 64 KiB is 413 before anything is read", async () => {
    expect(await read("{}", { "content-type": "application/json", "content-length": String(MAX_JSON_BODY_BYTES + 1) })).toEqual(TOO_LARGE);
  });

  test("a streamed body without Content-Length is counted and refused once it passes 64 KiB", async () => {
    const chunk = "x".repeat(16 * 1024);
    expect(await read(streamOf(['{"note":"', chunk, chunk, chunk, chunk, '"}']))).toEqual(TOO_LARGE);
  });

  test("multi-byte characters split across chunks are decoded whole", async () => {
    const bytes = new TextEncoder().encode('{"note":"Астана"}');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 11));
        controller.enqueue(bytes.slice(11));
        controller.close();
      },
    });
    expect(await read(stream)).toEqual({ ok: true, value: { note: "Астана" } });
  });
});

describe("readJsonBody content types", () => {
  test("a body sent as text/plain, a form or multipart is 415; application/json with a charset and +json pass", async () => {
    const statuses = await Promise.all(
      ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-8", "application/merge-patch+json"].map(
        async (type) => (await read('{"note":"x"}', { "content-type": type })).ok || (await read('{"note":"x"}', { "content-type": type })).status,
      ),
    );
    expect(statuses).toEqual([415, 415, 415, true, true]);
  });
});
