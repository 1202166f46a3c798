import type { z } from "zod";

// What an itinerary operation answers, ready for a route to send as JSON.
export interface ItineraryOutcome {
  status: number;
  body: Record<string, unknown>;
}

export function problem(status: number, error: string, details: { parameter: string; message: string }[] = []): ItineraryOutcome {
  return { status, body: details.length ? { error, details } : { error } };
}

/** zod issues as `details`, naming the body field (or "body" for the body as a whole). */
export function bodyProblems(error: z.ZodError): { parameter: string; message: string }[] {
  return error.issues.map((issue) => ({ parameter: issue.path.length ? issue.path.join(".") : "body", message: issue.message }));
}

export function unknownEvent(slug: string): ItineraryOutcome {
  // JSON escapes control characters; the cap keeps a long path from being echoed whole.
  const shown = slug.length > 100 ? `${slug.slice(0, 100)}…` : slug;
  return problem(404, `There is no event "${shown}".`, [{ parameter: "eventSlug", message: "is not an event" }]);
}
