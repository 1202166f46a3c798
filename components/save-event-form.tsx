import type { ActionResult } from "@/lib/http/problems";
import { visitorOfRequest } from "./visitor-of-request";

/**
 * Save or remove one event: a plain form posting to a server action, rendered on the server in the
 * saved state the server knows, so it works before the page's script has run (or without one:
 * signed-out visitors are then asked to sign in). No script per form: once the page is hydrated,
 * one listener for the whole page (SaveFormsEnhancer) flips the label at once, posts through the
 * same action, and keeps a signed-out visitor's saves on the device (issue 13: a page of 100 cards
 * hydrated a client component per card).
 *
 * Both labels are in the button and CSS shows the one `data-saved` asks for, so the enhancer only
 * ever changes that attribute, never text React owns; a hidden label is not in the accessible name.
 * Every element here is repeated on each card (100 on a full schedule page), and each costs the
 * phone's first style and layout pass: hence two spans, no star elements and no hidden `save`.
 */
/** The server action the form posts to (app/itinerary/actions.ts), handed down by the page. */
export type SaveAction = (formData: FormData) => Promise<ActionResult>;

export async function SaveEventForm({ slug, title, action }: { slug: string; title: string; action: SaveAction }) {
  const { saved } = await visitorOfRequest();
  const isSaved = saved.includes(slug);
  // The server action answers a result the enhancer reads; as a form's action React wants a void
  // function, hence the cast (the no-script post ignores the answer: the page renders again).
  const formAction = action as unknown as (formData: FormData) => Promise<void>;
  return (
    <form className="save-event no-print" data-saved={isSaved ? "true" : "false"} data-slug={slug} data-title={title} action={formAction}>
      <input type="hidden" name="slug" value={slug} />
      {/* The state asked for rides on the button (a native post sends its name and value), not on
          a hidden field: one element less per card. The stars are CSS (globals.css). */}
      <button type="submit" name="save" value={isSaved ? "0" : "1"}>
        <span className="when-unsaved">Save to itinerary</span>
        <span className="when-saved">Remove from itinerary</span>
      </button>
    </form>
  );
}
