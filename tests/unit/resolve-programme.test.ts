import path from "node:path";
import { buildSearchText } from "../../lib/programme/event-changes";
import { parseProgrammeFile, readProgrammeFile } from "../../lib/seed/load-programme-data";
import { ProgrammeDataError } from "../../lib/seed/programme-data-error";
import type { EventInput, ProgrammeFile } from "../../lib/seed/programme-schema";
import { resolveProgramme } from "../../lib/seed/resolve-programme";

const file = readProgrammeFile(path.join(__dirname, "../../prisma/data/expo-2017.json"));

function withEvent(changes: Partial<EventInput>, slug = "aida-open-air"): ProgrammeFile {
  return { ...file, events: file.events.map((event) => (event.slug === slug ? { ...event, ...changes } : event)) };
}

function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ProgrammeDataError) return error.problems;
    throw error;
  }
  throw new Error("expected a ProgrammeDataError");
}

describe("resolveProgramme", () => {
  it("stores the Pakistan Day evening concert at 19:00 Astana as 13:00 UTC", () => {
    const concert = resolveProgramme(file).find((event) => event.slug === "pakistan-day-evening-concert");
    expect(concert?.startsAt.toISOString()).toBe("2017-08-14T13:00:00.000Z");
    expect(concert?.endsAt.toISOString()).toBe("2017-08-14T15:00:00.000Z");
  });

  it("puts an end earlier than the start on the next day", () => {
    const [event] = resolveProgramme(withEvent({ start: "22:00", end: "00:30" })).filter((e) => e.slug === "aida-open-air");
    expect(event.endsAt.toISOString()).toBe("2017-07-15T18:30:00.000Z");
  });

  it("rejects an unknown venue, naming the event", () => {
    expect(problemsOf(() => resolveProgramme(withEvent({ venue: "nowhere" })))).toEqual(['event "aida-open-air": unknown venue "nowhere"']);
  });

  it("rejects unknown category, subcategory and programme slugs", () => {
    expect(problemsOf(() => resolveProgramme(withEvent({ category: "cooking", subcategory: "baking", programme: "none" })))).toEqual([
      'event "aida-open-air": unknown category "cooking"',
      'event "aida-open-air": unknown subcategory "baking"',
      'event "aida-open-air": unknown programme "none"',
    ]);
  });

  it("rejects a subcategory of another category", () => {
    expect(problemsOf(() => resolveProgramme(withEvent({ subcategory: "boxing" })))).toEqual([
      'event "aida-open-air": subcategory "boxing" does not belong to category "culture"',
    ]);
  });

  it("rejects an event that ends when it starts", () => {
    expect(problemsOf(() => resolveProgramme(withEvent({ start: "21:00", end: "21:00" })))).toEqual([
      'event "aida-open-air": ends (21:00) at or before it starts (21:00)',
    ]);
  });

  it("rejects dates outside 10 June to 10 September 2017", () => {
    expect(problemsOf(() => resolveProgramme(withEvent({ date: "2017-06-09" })))).toEqual([
      'event "aida-open-air": date 2017-06-09 is outside the expo (2017-06-10 to 2017-09-10)',
    ]);
    expect(problemsOf(() => resolveProgramme(withEvent({ date: "2017-09-10", start: "23:00", end: "01:00" })))).toEqual([
      'event "aida-open-air": ends after the last expo day (2017-09-10)',
    ]);
  });

  it("rejects a national-day event on another day than its programme's", () => {
    expect(problemsOf(() => resolveProgramme(withEvent({ date: "2017-08-15" }, "pakistan-day-ceremony")))).toEqual([
      'event "pakistan-day-ceremony": falls on 2017-08-15, not on the day of programme "pakistan-day" (2017-08-14)',
    ]);
  });

  it("rejects duplicate slugs", () => {
    const duplicate = { ...file, events: [...file.events, file.events[0]] };
    expect(problemsOf(() => resolveProgramme(duplicate))).toEqual([`event "${file.events[0].slug}" appears more than once`]);
  });
});

describe("parseProgrammeFile", () => {
  it("names the event whose field has the wrong shape", () => {
    const raw = JSON.parse(JSON.stringify(file)) as { events: Record<string, unknown>[] };
    raw.events[1].start = "7pm";
    expect(problemsOf(() => parseProgrammeFile(raw))).toEqual([`events[1] "${file.events[1].slug}" start: must be a time HH:MM`]);
  });

  it("rejects keys the schema does not know", () => {
    const raw = JSON.parse(JSON.stringify(file)) as { venues: Record<string, unknown>[] };
    raw.venues[0].capacity = 100;
    expect(problemsOf(() => parseProgrammeFile(raw))).toEqual(['venues[0] "nur-alem": Unrecognized key: "capacity"']);
  });
});

describe("buildSearchText", () => {
  it("joins title, description, performers and venue name, folded for search", () => {
    expect(buildSearchText({ title: "Mahler: Symphony No. 8", description: "Eighth.", performers: ["Novosibirsk Orchestra"] }, "Concert Hall")).toBe(
      "mahler symphony no 8 eighth novosibirsk orchestra concert hall",
    );
  });
});
