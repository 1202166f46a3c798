// Runs on `npm install`: generates the Prisma client into lib/generated/prisma (git-ignored).
// Prisma's native schema engine cannot be downloaded here and `generate` does not need it, so we
// point PRISMA_SCHEMA_ENGINE_BINARY at an existing file to stop the download attempt.
const { spawnSync } = require("node:child_process");

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate"], {
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
