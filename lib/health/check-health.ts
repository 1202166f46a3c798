import "server-only";
import { prisma } from "../db";

export interface HealthReport {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable";
}

export async function checkHealth(client: Pick<typeof prisma, "$queryRaw"> = prisma): Promise<HealthReport> {
  try {
    await client.$queryRaw`SELECT 1`;
    return { status: "ok", database: "ok" };
  } catch {
    return { status: "unavailable", database: "unreachable" };
  }
}
