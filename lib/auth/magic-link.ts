import type { SendVerificationRequestParams } from "next-auth/providers/email";

/**
 * Development without EMAIL_SERVER: the magic link goes to the server log instead of a mailbox,
 * so the email sign-in can be tried on a laptop.
 */
export function logMagicLink({ identifier, url }: Pick<SendVerificationRequestParams, "identifier" | "url">): void {
  console.info(`[auth] Sign-in link for ${identifier} (EMAIL_SERVER is not set, so it is logged, not sent): ${url}`);
}
