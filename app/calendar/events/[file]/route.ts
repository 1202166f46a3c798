import { getEventFeed } from "@/lib/calendar/public-feed";
import { feedNotFound, feedResponse } from "@/lib/calendar/feed-response";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { withDatabase } from "@/lib/http/database-unavailable";

/** /calendar/events/{slug}.ics: one event, for "Add to calendar". */
export const GET = withDatabase(async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const slug = file.endsWith(".ics") ? file.slice(0, -".ics".length) : null;
  const feed = slug ? await getEventFeed(slug, publicBaseUrl(request)) : null;
  return feed ? feedResponse(request, feed, { visibility: "public", downloadFilename: `${slug}.ics` }) : feedNotFound();
});

export const HEAD = GET;
