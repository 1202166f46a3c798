// `npm run dev`: the same database set-up as `npm start`, with Next's dev server.
import { checkInstall } from "./lib/preflight";

checkInstall("expo");
// Loaded after the install check, as it needs the generated Prisma client.
import("./lib/serve")
  .then(({ nextBin, serve }) => serve({ mode: "development", nodeArgs: (port) => [nextBin(), "dev", "-p", String(port)] }))
  .catch(async (error: unknown) => (await import("./lib/startup-error")).exitWithStartupError("expo", error));
