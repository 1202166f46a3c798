import { findEventPathByShortId } from "@/lib/schedule/event-detail";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const path = await findEventPathByShortId((await params).id);
  if (!path) return Response.json({ error: "No such event" }, { status: 404 });
  return Response.redirect(new URL(path, request.url), 308);
}
