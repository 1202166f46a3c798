import fs from "node:fs";
import type { z } from "zod";
import { ProgrammeDataError } from "./programme-data-error";
import { programmeFileSchema, type ProgrammeFile } from "./programme-schema";

/** Reads and checks the shape of a programme data file (cross-references are checked by resolveProgramme). */
export function readProgrammeFile(filePath: string): ProgrammeFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(filePath, "utf8"));
  } catch (error) {
    throw new ProgrammeDataError([`${filePath}: ${(error as Error).message}`]);
  }
  return parseProgrammeFile(raw);
}

export function parseProgrammeFile(raw: unknown): ProgrammeFile {
  const result = programmeFileSchema.safeParse(raw);
  if (result.success) return result.data;
  throw new ProgrammeDataError(result.error.issues.map((issue) => describeIssue(raw, issue)));
}

// "events[12] "aida-open-air" start: must be a time HH:MM" reads better than a bare index path.
function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const [collection, index, ...rest] = issue.path;
  if (typeof collection === "string" && typeof index === "number") {
    const slug = recordSlug(raw, collection, index);
    const where = `${collection}[${index}]${slug ? ` "${slug}"` : ""}`;
    return `${where}${rest.length ? ` ${rest.map(String).join(".")}` : ""}: ${issue.message}`;
  }
  return `${issue.path.map(String).join(".") || "file"}: ${issue.message}`;
}

function recordSlug(raw: unknown, collection: string, index: number): string | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const list = (raw as Record<string, unknown>)[collection];
  if (!Array.isArray(list)) return undefined;
  const record: unknown = list[index];
  if (typeof record !== "object" || record === null) return undefined;
  const slug = (record as Record<string, unknown>).slug;
  return typeof slug === "string" ? slug : undefined;
}
