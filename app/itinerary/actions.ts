"use server";
// The UI's writes to a visitor's itinerary and private feed. Each checks the session with the one
// helper and calls the same lib function as the JSON API (which stays for other clients), then
// asks Next to render the pages again, so the server hands the new saved state to the page. Forms
// post here before hydration too (progressive enhancement); Next checks the Origin of every call.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getSessionUser, safeCallbackPath } from "@/lib/auth/session";
import type { ReminderState } from "@/components/reminder-picker";
import type { ShareLinksState } from "@/components/share-itinerary-panel";
import { createPrivateFeed, turnOffPrivateFeed, type FeedActionState } from "@/lib/calendar/private-feed";
import { ITINERARY_PATH, signInPath } from "@/lib/http/paths";
import { problemMessage, type ActionResult, type Outcome } from "@/lib/http/problems";
import { sitePublicOrigin } from "@/lib/http/public-base-url";
import { setReminder } from "@/lib/itinerary/reminders";
import { createItineraryShare, listItineraryShares, revokeItineraryShare } from "@/lib/itinerary/share-itinerary";
import { REMINDER_OPTIONS, type ReminderValue } from "@/lib/itinerary/share-schema";
import {
  mergeDeviceSaves,
  removeEventFromItinerary,
  saveEventToItinerary,
  type MergeReport,
  type MergeResult,
} from "@/lib/itinerary/saved-events";

const SESSION_ENDED = "Your session has ended. Sign in again to change your itinerary.";

/** The page the form was posted from, for "sign in and come back" (never another site's address). */
async function returnPath(): Promise<string> {
  const referer = (await headers()).get("referer");
  let path = ITINERARY_PATH;
  if (referer) {
    try {
      const url = new URL(referer);
      path = `${url.pathname}${url.search}`;
    } catch {
      // A malformed Referer: back to the itinerary.
    }
  }
  return safeCallbackPath(path, ITINERARY_PATH);
}

function resultOf(outcome: Outcome, message?: string): ActionResult {
  if (outcome.status < 300) {
    revalidatePath("/", "layout");
    return { ok: true, message };
  }
  return { ok: false, message: problemMessage(outcome.body) };
}

/**
 * Save (save=<slug>) or remove (remove=<slug>) one event: the card's button posts the state it asks
 * for, so a double post changes nothing. Without a session (a form posted before the page's script
 * ran) the visitor is sent to sign in and back; with the script, signed-out saves stay on the device.
 */
export async function saveEventAction(formData: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) redirect(signInPath(await returnPath()));
  const save = formData.get("save");
  const remove = formData.get("remove");
  // The button carries it, so a post made without the button (a script's form.submit()) has neither:
  // refused rather than guessed.
  if (typeof save === "string" && remove === null) return resultOf(await saveEventToItinerary(user.id, save, undefined));
  if (typeof remove === "string" && save === null) return resultOf(await removeEventFromItinerary(user.id, remove));
  return { ok: false, message: "Say which event to save or remove: send save=<event> or remove=<event>." };
}

/** The note of a saved event (empty clears it). */
export async function saveNoteAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: SESSION_ENDED };
  const note = String(formData.get("note") ?? "");
  return resultOf(await saveEventToItinerary(user.id, String(formData.get("slug") ?? ""), { note: note.trim() ? note : null }), "Note saved.");
}

export async function removeEventAction(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: SESSION_ENDED };
  return resultOf(await removeEventFromItinerary(user.id, String(formData.get("slug") ?? "")));
}

/** Adds the events saved on this device before sign-in to the account. */
export async function mergeDeviceSavesAction(slugs: string[]): Promise<MergeResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, message: SESSION_ENDED };
  const outcome = await mergeDeviceSaves(user.id, { slugs });
  if (outcome.status !== 200) return { ok: false, message: problemMessage(outcome.body) };
  revalidatePath("/", "layout");
  return { ok: true, report: outcome.body as unknown as MergeReport };
}

/** Create or reset (intent=create) or turn off (intent=off) the private feed. */
export async function privateFeedAction(previous: FeedActionState, formData: FormData): Promise<FeedActionState> {
  const user = await getSessionUser();
  if (!user) return { ...previous, message: "Your session has ended. Sign in again to manage your calendar feed." };
  if (formData.get("intent") === "off") return { feed: await turnOffPrivateFeed(user.id) };
  const created = await createPrivateFeed(user.id, sitePublicOrigin());
  return created ? { feed: created } : { ...previous, message: "Your account no longer exists." };
}

/** The reminder the private feed and the itinerary download carry (the form's checked radio). */
export async function reminderAction(previous: ReminderState, formData: FormData): Promise<ReminderState> {
  const user = await getSessionUser();
  if (!user) return { reminder: previous.reminder, message: { error: true, text: "Your session has ended. Sign in again to choose a reminder." } };
  const outcome = await setReminder(user.id, { reminder: formData.get("reminder") });
  if (outcome.status !== 200) return { reminder: previous.reminder, message: { error: true, text: problemMessage(outcome.body) } };
  const reminder = outcome.body.reminder as ReminderValue;
  const label = REMINDER_OPTIONS.find((option) => option.value === reminder)?.label ?? reminder;
  return { reminder, message: { error: false, text: `Saved: ${label.toLowerCase()}. Your private feed and download now carry it.` } };
}

/**
 * Create a shared link (the days' checkboxes and showName) or revoke one (revoke=<id>). The answer
 * lists the working links again and carries a new link's address this once: only its hash is kept.
 */
export async function shareLinksAction(previous: ShareLinksState, formData: FormData): Promise<ShareLinksState> {
  const user = await getSessionUser();
  if (!user) return { shares: previous.shares, message: "Your session has ended. Sign in again to share your itinerary." };
  const revoke = formData.get("revoke");
  const outcome =
    revoke === null
      ? await createItineraryShare(user.id, { days: formData.getAll("day"), showName: formData.get("showName") === "on" }, sitePublicOrigin())
      : await revokeItineraryShare(user.id, String(revoke));
  const shares = await listItineraryShares(user.id);
  if (outcome.status >= 300) return { shares, message: problemMessage(outcome.body) };
  return revoke === null ? { shares, created: outcome.body as unknown as ShareLinksState["created"] } : { shares };
}
