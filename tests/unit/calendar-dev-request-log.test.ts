import type { NextConfig } from "next";

// The config file is plain CommonJS, read by Next itself; the test reads the same export.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const nextConfig = require("../../next.config.js") as NextConfig;

function ignoredByDevRequestLog(requestTarget: string): boolean {
  const incoming = nextConfig.logging ? nextConfig.logging.incomingRequests : undefined;
  const patterns = typeof incoming === "object" ? (incoming.ignore ?? []) : [];
  return patterns.some((pattern) => pattern.test(requestTarget));
}

describe("next.config.js request log", () => {
  it("leaves the private feed's secret path out of the dev server's request log", () => {
    expect(ignoredByDevRequestLog("/calendar/u/abc.ics")).toBe(true);
    expect(ignoredByDevRequestLog("/calendar/u/abc.ics?x=1")).toBe(true);
    expect(ignoredByDevRequestLog("/calendar/%75/abc.ics")).toBe(true);
    expect(ignoredByDevRequestLog("http://localhost:3000/calendar/u/abc.ics")).toBe(true);
  });

  it("still logs public pages and feeds", () => {
    expect(ignoredByDevRequestLog("/calendar/expo-2017.ics")).toBe(false);
    expect(ignoredByDevRequestLog("/calendar/events/pakistan-day-ceremony.ics")).toBe(false);
    expect(ignoredByDevRequestLog("/schedule?q=calendar/u/")).toBe(false);
  });
});
