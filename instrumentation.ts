// Validates the environment once when the server starts, so a missing or malformed variable stops
// it with one line naming the variable instead of failing on the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./lib/validate-env-at-startup");
  }
}
