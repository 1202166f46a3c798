import { FeedCache, strongEtag, type StoredFeed } from "@/lib/calendar/feed-cache";
import { feedNotFound, feedResponse, isNotModified } from "@/lib/calendar/feed-response";
import { feedEtag } from "@/lib/calendar/feed-etag";
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken, secretTokenHashesEqual } from "@/lib/security/secret-token";
import type { RenderedCalendar } from "@/lib/calendar/build-calendar";

const encoder = new TextEncoder();

function rendered(text: string): RenderedCalendar {
  return { bytes: encoder.encode(text), detail: "full" };
}

function stored(text = "BEGIN:VCALENDAR\r\nEND:VCALENDAR"): StoredFeed {
  const bytes = encoder.encode(text);
  return { bytes, etag: strongEtag(bytes), lastModified: new Date("2017-08-01T10:00:00.000Z"), detail: "full", buildMilliseconds: 1 };
}

function request(headers: Record<string, string> = {}, method = "GET"): Request {
  return new Request("http://localhost/calendar/expo-2017.ics", { method, headers });
}

describe("isNotModified", () => {
  const feed = stored();

  it("matches If-None-Match against the strong ETag, in a list and weak-prefixed", () => {
    expect(isNotModified(request({ "If-None-Match": feed.etag }), feed)).toBe(true);
    expect(isNotModified(request({ "If-None-Match": `"other", W/${feed.etag}` }), feed)).toBe(true);
    expect(isNotModified(request({ "If-None-Match": "*" }), feed)).toBe(true);
    expect(isNotModified(request({ "If-None-Match": '"other"' }), feed)).toBe(false);
  });

  it("uses If-Modified-Since only without If-None-Match", () => {
    expect(isNotModified(request({ "If-Modified-Since": "Tue, 01 Aug 2017 10:00:00 GMT" }), feed)).toBe(true);
    expect(isNotModified(request({ "If-Modified-Since": "Tue, 01 Aug 2017 09:59:59 GMT" }), feed)).toBe(false);
    expect(isNotModified(request({ "If-Modified-Since": "not a date" }), feed)).toBe(false);
    expect(
      isNotModified(request({ "If-None-Match": '"other"', "If-Modified-Since": "Tue, 01 Aug 2017 10:00:00 GMT" }), feed),
    ).toBe(false);
  });
});

describe("feedResponse", () => {
  const feed = stored();

  it("answers a public GET with the bytes, validators and a shared cache rule", async () => {
    const response = feedResponse(request(), feed, { visibility: "public" });
    expect(response.status).toEqual(200);
    expect(Object.fromEntries(response.headers)).toEqual({
      "cache-control": "public, max-age=900",
      "content-type": "text/calendar; charset=utf-8",
      etag: feed.etag,
      "last-modified": "Tue, 01 Aug 2017 10:00:00 GMT",
    });
    expect(await response.text()).toEqual("BEGIN:VCALENDAR\r\nEND:VCALENDAR");
  });

  it("answers a private download with no-store, no-referrer and an attachment name", () => {
    const response = feedResponse(request(), feed, { visibility: "private", downloadFilename: "expo-2017-itinerary.ics" });
    expect([
      response.headers.get("cache-control"),
      response.headers.get("referrer-policy"),
      response.headers.get("content-disposition"),
    ]).toEqual(["private, no-store", "no-referrer", 'attachment; filename="expo-2017-itinerary.ics"']);
  });

  it("answers HEAD with the headers and length but no body", async () => {
    const response = feedResponse(request({}, "HEAD"), feed, { visibility: "public" });
    expect(response.status).toEqual(200);
    expect(response.headers.get("content-length")).toEqual(String(feed.bytes.length));
    expect(response.headers.get("etag")).toEqual(feed.etag);
    expect(await response.text()).toEqual("");
  });

  it("answers 304 with the validators and no body", async () => {
    const response = feedResponse(request({ "If-None-Match": feed.etag }), feed, { visibility: "public" });
    expect(response.status).toEqual(304);
    expect(response.headers.get("etag")).toEqual(feed.etag);
    expect(response.headers.get("content-type")).toBeNull();
    expect(await response.text()).toEqual("");
  });

  it("answers an unknown feed with a plain 404", async () => {
    const response = feedNotFound();
    expect([response.status, response.headers.get("location"), await response.text()]).toEqual([404, null, "Not found\n"]);
  });
});

describe("FeedCache", () => {
  it("builds once per version and serves the stored feed after that", async () => {
    const cache = new FeedCache();
    const build = jest.fn(async () => rendered("one"));
    const first = await cache.get("k", "v1", build);
    const second = await cache.get("k", "v1", build);
    expect(second).toBe(first);
    expect([build.mock.calls.length, cache.buildCount]).toEqual([1, 1]);
  });

  it("shares one build between requests that arrive together", async () => {
    const cache = new FeedCache();
    const build = jest.fn(async () => rendered("one"));
    const [a, b] = await Promise.all([cache.get("k", "v1", build), cache.get("k", "v1", build)]);
    expect(a).toBe(b);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("keeps ETag and Last-Modified when a new version renders the same bytes", async () => {
    let now = new Date("2017-08-01T10:00:00.400Z");
    const cache = new FeedCache(1e6, 100, () => now);
    const first = await cache.get("k", "v1", async () => rendered("same"));
    now = new Date("2017-08-01T11:00:00.000Z");
    const second = await cache.get("k", "v2", async () => rendered("same"));
    expect([second.etag, second.lastModified]).toEqual([first.etag, new Date("2017-08-01T10:00:00.000Z")]);
  });

  it("moves Last-Modified forwards on every change, even within the same second or with a clock behind", async () => {
    let now = new Date("2017-08-01T10:00:00.100Z");
    const cache = new FeedCache(1e6, 100, () => now);
    const first = await cache.get("k", "v1", async () => rendered("one"));
    now = new Date("2017-08-01T10:00:00.900Z");
    const second = await cache.get("k", "v2", async () => rendered("two"));
    now = new Date("2017-08-01T09:00:00.000Z");
    const third = await cache.get("k", "v3", async () => rendered("three"));
    expect([first.lastModified, second.lastModified, third.lastModified].map((d) => d.toISOString())).toEqual([
      "2017-08-01T10:00:00.000Z",
      "2017-08-01T10:00:01.000Z",
      "2017-08-01T10:00:02.000Z",
    ]);
    expect(new Set([first.etag, second.etag, third.etag]).size).toEqual(3);
  });

  it("does not store a build that found nothing", async () => {
    const cache = new FeedCache();
    expect(await cache.get("missing", "v1", async () => null)).toBeNull();
    expect(cache.size).toEqual(0);
  });

  it("evicts the least recently used feeds beyond its byte limit", async () => {
    const cache = new FeedCache(10, 100);
    await cache.get("a", "v", async () => rendered("aaaa"));
    await cache.get("b", "v", async () => rendered("bbbb"));
    await cache.get("a", "v", async () => rendered("unused"));
    await cache.get("c", "v", async () => rendered("cccc"));
    const builds = cache.buildCount;
    await cache.get("a", "v", async () => rendered("aaaa"));
    expect(cache.buildCount).toEqual(builds);
    await cache.get("b", "v", async () => rendered("bbbb"));
    expect(cache.buildCount).toEqual(builds + 1);
  });
});

describe("feed tokens", () => {
  it("carry 256 random bits in 43 URL-safe characters", () => {
    const tokens = new Set(Array.from({ length: 50 }, generateSecretToken));
    expect(tokens.size).toEqual(50);
    for (const token of tokens) expect(isWellFormedSecretToken(token)).toBe(true);
    expect(isWellFormedSecretToken("short")).toBe(false);
    expect(isWellFormedSecretToken(`${"a".repeat(42)}/`)).toBe(false);
  });

  it("are stored as their SHA-256 and compared by hash", () => {
    const token = generateSecretToken();
    const hash = hashSecretToken(token);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    expect(secretTokenHashesEqual(hash, hashSecretToken(token))).toBe(true);
    expect(secretTokenHashesEqual(hash, hashSecretToken(generateSecretToken()))).toBe(false);
    expect(secretTokenHashesEqual(hash, "short")).toBe(false);
  });
});

describe("feedEtag", () => {
  it("is strongEtag's value, computed on the thread pool", async () => {
    for (const text of ["", "BEGIN:VCALENDAR\r\nEND:VCALENDAR", "é".repeat(100_000)]) {
      const bytes = encoder.encode(text);
      expect(await feedEtag(bytes)).toEqual(strongEtag(bytes));
    }
  });
});
