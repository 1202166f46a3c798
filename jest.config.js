const os = require("node:os");
const nextJest = require("next/jest");

const createJestConfig = nextJest({ dir: "./" });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)", "<rootDir>/tests/integration/**/*.test.ts?(x)"],
  globalSetup: "<rootDir>/tests/setup/global-setup.ts",
  globalTeardown: "<rootDir>/tests/setup/global-teardown.ts",
  // worker-database.ts first: it points DATABASE_URL at this worker's own copy of the seeded template.
  setupFilesAfterEnv: ["<rootDir>/tests/setup/worker-database.ts", "<rootDir>/tests/setup/fail-on-console-error.ts"],
  moduleNameMapper: {
    // `server-only` throws outside React Server Components; in tests the code runs on the server anyway.
    "^server-only$": "<rootDir>/tests/setup/server-only.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
  // Each worker has a database of its own (tests/setup/worker-database.ts), so files run in parallel:
  // one worker per core but one, left to PostgreSQL. On two cores that is one worker, as two made the
  // heaviest test (the whole-programme feed) overrun its time on a loaded machine.
  maxWorkers: process.env.JEST_MAX_WORKERS ?? Math.max(1, os.availableParallelism() - 1),
  // Parallel workers share the cores, so a slow test gets half the headroom it had alone: twice the time.
  testTimeout: 60000,
};

module.exports = createJestConfig(config);
