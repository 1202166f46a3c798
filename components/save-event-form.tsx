import type { ActionResult } from "@/lib/http/problems";
import { SAVE_FORM_ID } from "@/lib/page-cache/app-on-intent-loader";
import { visitorOfRequest } from "./visitor-of-request";

/**
 * Save or remove one event, before any script has run (or without one: signed-out visitors are
 * then asked to sign in): a plain submit button posting the page's one save form to a server
 * action, rendered on the server in the saved state the server knows. Once the page is hydrated,
 * one listener for the whole page (SaveFormsEnhancer) flips the label at once, posts through the
 * same action, and keeps a signed-out visitor's saves on the device.
 *
 * Every element here is repeated on each card (100 on a full schedule page), and each costs the
 * phone's first parse, style and layout (docs/decisions/027-less-document-work-on-phones.md). So
 * a card holds the button alone: the form, with React's action field, is rendered once for the
 * page by the root layout and named by the button's `form` attribute; what to do and to which
 * event ride on the button (`save=<slug>` or `remove=<slug>`, what a native post sends of its
 * submitter). Both labels are in the button and CSS shows the one `data-saved` asks for, so the
 * enhancer only ever changes that attribute, never text React owns; a hidden label is not in the
 * accessible name, and the stars are CSS content with empty alternative text.
 */

/** The server action the form posts to (app/itinerary/actions.ts), handed down by the layout. */
export type SaveAction = (formData: FormData) => Promise<ActionResult>;

/** The page's one save form, empty but for React's action field. */
export function SaveEventsForm({ action }: { action: SaveAction }) {
  // The server action answers a result the enhancer reads; as a form's action React wants a void
  // function, hence the cast (the no-script post ignores the answer: the page renders again).
  const formAction = action as unknown as (formData: FormData) => Promise<void>;
  return <form id={SAVE_FORM_ID} action={formAction} hidden />;
}

export async function SaveEventButton({ slug, title }: { slug: string; title: string }) {
  const { saved } = await visitorOfRequest();
  const isSaved = saved.includes(slug);
  return (
    <button
      type="submit"
      form={SAVE_FORM_ID}
      name={isSaved ? "remove" : "save"}
      value={slug}
      className="save-event no-print"
      data-saved={isSaved ? "true" : "false"}
      data-title={title}
    >
      <span className="when-unsaved">Save to itinerary</span>
      <span className="when-saved">Remove from itinerary</span>
    </button>
  );
}
