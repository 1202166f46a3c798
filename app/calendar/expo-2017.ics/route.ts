import { badRequest } from "@/lib/http/problems";
import { feedResponse } from "@/lib/calendar/feed-response";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { getPublicFeed } from "@/lib/calendar/public-feed";
import { FeedBusyError } from "@/lib/calendar/feed-build-queue";
import { withDatabase } from "@/lib/http/database-unavailable";

/** The public feed of any schedule selection: /calendar/expo-2017.ics?programme=pakistan-day. */
export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const result = await getPublicFeed(new URL(request.url).searchParams, publicBaseUrl(request)).catch((error: unknown) => {
    if (error instanceof FeedBusyError) return error;
    throw error;
  });
  if (result instanceof FeedBusyError) return result.response();
  return result.ok ? feedResponse(request, result.value, { visibility: "public" }) : badRequest(result.details);
});

export const HEAD = GET;
