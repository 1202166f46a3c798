import { EnvError, parseEnv } from "../../lib/env";

const base = { DATABASE_URL: "postgresql://u:p@localhost:5432/expo" };

describe("parseEnv", () => {
  it("accepts a development environment without a NEXTAUTH_SECRET", () => {
    expect(parseEnv({ ...base, NODE_ENV: "development" })).toMatchObject({ DATABASE_URL: base.DATABASE_URL });
  });

  it("names DATABASE_URL when it is missing", () => {
    expect(() => parseEnv({ NODE_ENV: "development" })).toThrow(
      new EnvError("Invalid environment variable DATABASE_URL: is required"),
    );
  });

  it("names DATABASE_URL when it is not a PostgreSQL URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://localhost/expo" })).toThrow(
      "Invalid environment variable DATABASE_URL: must be a postgresql:// connection URL",
    );
  });

  it("requires NEXTAUTH_SECRET in production", () => {
    expect(() => parseEnv({ ...base, NODE_ENV: "production" })).toThrow(
      "Invalid environment variable NEXTAUTH_SECRET: is required in production",
    );
  });

  it("rejects a short NEXTAUTH_SECRET", () => {
    expect(() => parseEnv({ ...base, NEXTAUTH_SECRET: "short" })).toThrow(
      "Invalid environment variable NEXTAUTH_SECRET: must be at least 32 characters",
    );
  });

  it("rejects a NEXTAUTH_URL that is not a URL", () => {
    expect(() => parseEnv({ ...base, NEXTAUTH_URL: "localhost:3000" })).toThrow(
      "Invalid environment variable NEXTAUTH_URL: must be an absolute http(s) URL",
    );
  });

  it("treats empty optional variables as unset", () => {
    expect(parseEnv({ ...base, EMAIL_SERVER: "", GITHUB_ID: " " })).toMatchObject({ EMAIL_SERVER: undefined, GITHUB_ID: undefined });
  });

  it("reads TRUST_PROXY as a boolean that defaults to false", () => {
    expect(
      [undefined, "", "false", "0", "true", "1"].map((TRUST_PROXY) => parseEnv({ ...base, TRUST_PROXY }).TRUST_PROXY),
    ).toEqual([false, false, false, false, true, true]);
  });

  it("names TRUST_PROXY when it is not a boolean", () => {
    expect(() => parseEnv({ ...base, TRUST_PROXY: "yes" })).toThrow(
      'Invalid environment variable TRUST_PROXY: must be "true", "false", "1" or "0"',
    );
  });

  it("reports its error on one line", () => {
    try {
      parseEnv({});
      throw new Error("expected a failure");
    } catch (error) {
      expect((error as Error).message.split("\n")).toHaveLength(1);
    }
  });
});
