import { astanaDayRange, formatOffset, toZonedTime, zonedTimeToUtc, zoneOffsetMinutes } from "../../lib/time/astana";

describe("Astana time (Asia/Almaty)", () => {
  it("converts 19:00 Astana on 14 August 2017 to 13:00 UTC", () => {
    expect(zonedTimeToUtc("2017-08-14", "19:00").toISOString()).toBe("2017-08-14T13:00:00.000Z");
  });

  it("uses the +06:00 offset Astana had in 2017", () => {
    const instant = new Date("2017-08-14T13:00:00.000Z");
    expect(zoneOffsetMinutes(instant)).toBe(360);
    expect(toZonedTime(instant)).toEqual({ date: "2017-08-14", time: "19:00", offset: "+06:00", iso: "2017-08-14T19:00:00+06:00" });
  });

  it("uses the +05:00 offset Astana has had since 2024 for a date in 2025", () => {
    const instant = zonedTimeToUtc("2025-08-14", "19:00");
    expect(instant.toISOString()).toBe("2025-08-14T14:00:00.000Z");
    expect(formatOffset(zoneOffsetMinutes(instant))).toBe("+05:00");
  });

  it("starts an expo day at 18:00 UTC the evening before", () => {
    const { start, end } = astanaDayRange("2017-06-10");
    expect(start.toISOString()).toBe("2017-06-09T18:00:00.000Z");
    expect(end.toISOString()).toBe("2017-06-10T18:00:00.000Z");
  });
});
