import { clientAddress, headerReader } from "@/lib/auth/attempt-limit";
import { rejectCrossOrigin } from "@/lib/auth/same-origin";
import { signUp } from "@/lib/auth/sign-up";
import { readJsonBody } from "@/lib/http/read-json-body";
import { withDatabase } from "@/lib/http/database-unavailable";

export const POST = withDatabase(async function POST(request: Request): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const result = await signUp(body.value, clientAddress(headerReader(request.headers)));
  if (!result.ok && result.status === 400) {
    return Response.json({ error: "The sign-up details are not valid.", details: result.details }, { status: 400 });
  }
  if (!result.ok) {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return Response.json(
      {
        error: `Too many sign-ups. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
        retryAfterSeconds: result.retryAfterSeconds,
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  // The same answer whether or not the email was already registered.
  return Response.json({ message: "Account ready: sign in with your email and password." }, { status: 201 });
});
