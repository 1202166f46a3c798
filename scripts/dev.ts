// `npm run dev`: the same database set-up as `npm start`, with Next's dev server.
import { checkInstall } from "./lib/preflight";

checkInstall("expo");
// Loaded after the install check, as it needs the generated Prisma client.
Promise.all([import("./lib/serve"), import("./lib/next-start")])
  .then(([{ serve }, { nextBin }]) => serve({ mode: "development", nodeArgs: (port) => [nextBin(), "dev", "-p", String(port)] }))
  .catch(async (error: unknown) => (await import("./lib/startup-error")).exitWithStartupError("expo", error));
