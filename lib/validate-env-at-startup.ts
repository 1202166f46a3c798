// Imported once by instrumentation.ts in the Node.js runtime only (process.exit is not in the Edge runtime).
import { EnvError, getEnv } from "./env";

try {
  getEnv();
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(error.message);
  process.exit(1);
}
