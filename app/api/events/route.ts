import { withDatabase } from "@/lib/http/database-unavailable";
import { answerEventsRequest } from "@/lib/schedule/events-answer";

export const GET = withDatabase(answerEventsRequest);
