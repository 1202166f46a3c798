// One definition of the sign-up and sign-in inputs, used by the forms (for hints and early
// messages) and by the server (which never trusts the form).
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;
// argon2 accepts any length; the cap only stops someone from making the server hash megabytes.
export const MAX_PASSWORD_LENGTH = 200;

// PostgreSQL refuses NUL in text, and no name or email has a control character in it.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTER_MESSAGE = "must not contain control characters";
const noControlCharacters = (value: string) => !CONTROL_CHARACTER.test(value);

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
    .refine(noControlCharacters, CONTROL_CHARACTER_MESSAGE),
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
