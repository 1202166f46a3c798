import { cache } from "react";
import { getVisitor } from "@/lib/itinerary/saved-events";

/**
 * The visitor of this request, read once however many components ask: the root layout hands it to
 * the client provider, and every save form (one per event card) reads its saved state from it.
 * React's `cache` lasts one server render, so no two requests share it.
 */
export const visitorOfRequest = cache(getVisitor);
