const nextJest = require("next/jest");

const createJestConfig = nextJest({ dir: "./" });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/unit/**/*.test.ts?(x)", "<rootDir>/tests/integration/**/*.test.ts?(x)"],
  globalSetup: "<rootDir>/tests/setup/global-setup.ts",
  globalTeardown: "<rootDir>/tests/setup/global-teardown.ts",
  setupFilesAfterEnv: ["<rootDir>/tests/setup/fail-on-console-error.ts"],
  moduleNameMapper: {
    // `server-only` throws outside React Server Components; in tests the code runs on the server anyway.
    "^server-only$": "<rootDir>/tests/setup/server-only.js",
    "^@/(.*)$": "<rootDir>/$1",
  },
  // Integration tests share one seeded database; running files one at a time keeps them independent.
  maxWorkers: 1,
  testTimeout: 30000,
};

module.exports = createJestConfig(config);
