import { feedNotFound, feedResponse } from "@/lib/calendar/feed-response";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { getPrivateFeed } from "@/lib/calendar/private-feed";
import { withDatabase } from "@/lib/http/database-unavailable";

/** /calendar/u/{token}.ics: a visitor's private subscription. Unknown or revoked: a plain 404. */
export const GET = withDatabase(async function GET(request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const token = file.endsWith(".ics") ? file.slice(0, -".ics".length) : null;
  const feed = token ? await getPrivateFeed(token, publicBaseUrl(request)) : null;
  return feed ? feedResponse(request, feed, { visibility: "private" }) : feedNotFound();
});

export const HEAD = GET;
