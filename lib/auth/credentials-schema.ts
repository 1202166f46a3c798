// One definition of the sign-up and sign-in inputs and their messages, used by the server (which
// never trusts the form). The forms show the server's messages (a 400 names each field's problem)
// rather than importing this module, which would put zod into the pages' JavaScript (issue 13).
import { z } from "zod";

// The forms import these two modules directly: they carry no zod into the browser.
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./credential-limits";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };
export { signInErrorMessage } from "./sign-in-messages";

// PostgreSQL refuses NUL in text, and no name or email has a control character in it. Names are
// shown to other people (and in feeds): bidi overrides and isolates (U+202A–202E, U+2066–2069)
// could make one read backwards, and line or paragraph separators (U+2028, U+2029, U+0085) break
// lines where none is expected.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTER_MESSAGE = "must not contain control characters";
const noControlCharacters = (value: string) => !CONTROL_CHARACTER.test(value);
const NAME_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const NAME_FORBIDDEN_MESSAGE = "must not contain control, line-separator or text-direction characters";

export const emailSchema = z
  .string({ error: "is required" })
  .trim()
  .toLowerCase()
  .min(1, "is required")
  .max(254, "must be at most 254 characters")
  .refine(noControlCharacters, CONTROL_CHARACTER_MESSAGE)
  .pipe(z.email({ error: "is not an email address" }));

export const passwordSchema = z
  .string({ error: "is required" })
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

export const signUpSchema = z.object({
  name: z
    .string({ error: "is required" })
    .trim()
    .min(1, "is required")
    .max(100, "must be at most 100 characters")
    .refine((value) => !NAME_FORBIDDEN.test(value), NAME_FORBIDDEN_MESSAGE),
  email: emailSchema,
  password: passwordSchema,
});

export type SignUpInput = z.infer<typeof signUpSchema>;

// Sign-in checks only the shape: a stored password is compared, never re-validated against the rules.
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "is required" }).min(1, "is required").max(MAX_PASSWORD_LENGTH),
});

export type SignInInput = z.infer<typeof signInSchema>;
