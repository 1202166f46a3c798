import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["lib/generated/**", ".next/**", ".next-*/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    files: ["scripts/**/*.js", "jest.config.js", "next.config.js", "tests/setup/*.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];

export default config;
