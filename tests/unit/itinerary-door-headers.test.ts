import { NEXT_ADDED_HEADERS } from "../../lib/itinerary/itinerary-door";

// The door (lib/itinerary/itinerary-door.ts) answers before Next, so it sends the headers
// next.config.js would add to /api/itinerary itself; a header added or changed there must reach
// the door's copy too. (tests/e2e/itinerary-door.spec.ts compares with a running Next as well.)

// Next's own matcher for `source` patterns (the one it compiles next.config.js headers with).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Next's compiled copy has no types
const { pathToRegexp } = require("next/dist/compiled/path-to-regexp") as { pathToRegexp(source: string, keys: unknown[], options: object): RegExp };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const nextConfig = require("../../next.config.js") as { headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]> };

test("the door adds exactly the headers next.config.js gives /api/itinerary, and Next's Vary", async () => {
  const configured: Record<string, string> = {};
  for (const rule of await nextConfig.headers()) {
    if (!pathToRegexp(rule.source, [], { strict: true, sensitive: false, delimiter: "/" }).test("/api/itinerary")) continue;
    for (const { key, value } of rule.headers) configured[key] = value;
  }
  const { vary, ...fromConfig } = NEXT_ADDED_HEADERS;
  expect(fromConfig).toEqual(configured);
  expect(vary).toEqual("rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch");
});
