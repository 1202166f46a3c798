// Local runs need a NEXTAUTH_SECRET but a newcomer has none: generate one once and keep it under
// .data/ so sessions survive restarts. A deployment (DATABASE_URL set) must bring its own.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DATA_DIR } from "./local-database";

export function localNextAuthSecret(): string {
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  fs.mkdirSync(DATA_DIR, { recursive: true });
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
