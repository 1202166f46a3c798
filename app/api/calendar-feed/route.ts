import { rejectCrossOrigin } from "@/lib/auth/same-origin";
import { requireApiUser } from "@/lib/auth/session";
import { publicBaseUrl } from "@/lib/http/public-base-url";
import { createPrivateFeed, readPrivateFeedState, turnOffPrivateFeed } from "@/lib/calendar/private-feed";
import { withDatabase } from "@/lib/http/database-unavailable";

// Answers may carry the secret feed URL: never cached, never sent on as a referrer.
const HEADERS = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };
const ACTION = "manage your calendar feed";

/** Whether the visitor has a private feed (the URL itself is only shown when created). */
export const GET = withDatabase(async function GET(request: Request): Promise<Response> {
  const auth = await requireApiUser(request, ACTION);
  if (!auth.ok) return auth.response;
  return Response.json(await readPrivateFeedState(auth.user.id), { headers: HEADERS });
});

/** Creates the private feed, or resets its link (the old URL answers 404 at once). */
export const POST = withDatabase(async function POST(request: Request): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireApiUser(request, ACTION);
  if (!auth.ok) return auth.response;
  const created = await createPrivateFeed(auth.user.id, publicBaseUrl(request));
  if (!created) return Response.json({ error: `Sign in to ${ACTION}.` }, { status: 401, headers: HEADERS });
  return Response.json(created, { status: 201, headers: HEADERS });
});

/** Turns the private feed off. */
export const DELETE = withDatabase(async function DELETE(request: Request): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const auth = await requireApiUser(request, ACTION);
  if (!auth.ok) return auth.response;
  return Response.json(await turnOffPrivateFeed(auth.user.id), { headers: HEADERS });
});
