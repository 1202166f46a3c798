import { signInSchema, signUpSchema } from "@/lib/auth/credentials-schema";

function problems(input: unknown): Record<string, string> {
  const result = signUpSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe("sign-up password rules", () => {
  test("a password of 9 characters is refused", () => {
    expect(problems({ name: "Aigerim", email: "a@example.test", password: "123456789" })).toEqual({
      password: "must be at least 10 characters",
    });
  });

  test("a password of exactly 10 characters is accepted", () => {
    expect(problems({ name: "Aigerim", email: "a@example.test", password: "1234567890" })).toEqual({});
  });

  test("a password over 200 characters is refused", () => {
    expect(problems({ name: "Aigerim", email: "a@example.test", password: "x".repeat(201) })).toEqual({
      password: "must be at most 200 characters",
    });
  });

  test("a missing name, a malformed email and a missing password are each named", () => {
    expect(problems({ name: "  ", email: "not-an-email" })).toEqual({
      name: "is required",
      email: "is not an email address",
      password: "is required",
    });
  });
});

describe("email normalisation", () => {
  test("emails are trimmed and lower-cased for sign-up and sign-in alike", () => {
    const up = signUpSchema.parse({ name: "A", email: "  Visitor@Example.TEST ", password: "long enough password" });
    const inn = signInSchema.parse({ email: "VISITOR@example.test", password: "x" });
    expect([up.email, inn.email]).toEqual(["visitor@example.test", "visitor@example.test"]);
  });
});
