import { z } from "zod";

// Validated once; a missing or malformed variable stops the process with one line naming it.
const optionalNonEmpty = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value));

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string({ error: "is required" })
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL"),
    NEXTAUTH_SECRET: optionalNonEmpty,
    NEXTAUTH_URL: z.url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" }).optional(),
    EMAIL_SERVER: optionalNonEmpty,
    EMAIL_FROM: optionalNonEmpty,
    GITHUB_ID: optionalNonEmpty,
    GITHUB_SECRET: optionalNonEmpty,
    GOOGLE_CLIENT_ID: optionalNonEmpty,
    GOOGLE_CLIENT_SECRET: optionalNonEmpty,
    // Whether a reverse proxy sets X-Forwarded-For; without one any client could forge it.
    TRUST_PROXY: optionalNonEmpty
      .pipe(z.enum(["true", "false", "1", "0"], { error: 'must be "true", "false", "1" or "0"' }).optional())
      .transform((value) => value === "true" || value === "1"),
    // Comma-separated emails that get the admin role at sign-up and every sign-in (lib/auth/admin-role.ts).
    ADMIN_EMAILS: z
      .string()
      .optional()
      .transform((value) => (value ?? "").split(",").map((email) => email.trim().toLowerCase()).filter(Boolean)),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required in production" });
    }
    if (env.NEXTAUTH_SECRET && env.NEXTAUTH_SECRET.length < 32) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "must be at least 32 characters" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses an environment; throws EnvError whose message is one line naming the first bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = issue.path.join(".") || "environment";
  throw new EnvError(`Invalid environment variable ${name}: ${issue.message}`);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
