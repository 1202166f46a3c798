// The password lengths, apart from the zod schemas (credentials-schema.ts) so that the sign-up form
// can show them without putting zod into the page's JavaScript (issue 13's 150 KiB budget).
export const MIN_PASSWORD_LENGTH = 10;
// argon2 accepts any length; the cap only stops someone from making the server hash megabytes.
export const MAX_PASSWORD_LENGTH = 200;
