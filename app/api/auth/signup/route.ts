import { rejectCrossOrigin } from "@/lib/auth/same-origin";
import { signUp } from "@/lib/auth/sign-up";
import { readJsonBody } from "@/lib/itinerary/read-json-body";

export async function POST(request: Request): Promise<Response> {
  const refused = rejectCrossOrigin(request);
  if (refused) return refused;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const result = await signUp(body.value);
  if (!result.ok) {
    return Response.json({ error: "The sign-up details are not valid.", details: result.details }, { status: 400 });
  }
  // The same answer whether or not the email was already registered.
  return Response.json({ message: "Account ready: sign in with your email and password." }, { status: 201 });
}
