// `npm run dev`: the same database set-up as `npm start`, with Next's dev server.
import { serve } from "./lib/serve";

void serve({ mode: "development", nextArgs: (port) => ["dev", "-p", String(port)] });
