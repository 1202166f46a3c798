import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // env() throws when DATABASE_URL is unset, which would break `prisma generate` on a fresh clone.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
