import "server-only";
import { prisma } from "../db";
import { isDraining } from "../graceful-shutdown";

export interface HealthReport {
  /** "draining": a stop signal arrived; requests still get answers, but send new ones elsewhere. */
  status: "ok" | "unavailable" | "draining";
  database: "ok" | "unreachable";
}

export async function checkHealth(client: Pick<typeof prisma, "$queryRaw"> = prisma, draining: () => boolean = isDraining): Promise<HealthReport> {
  let database: HealthReport["database"] = "ok";
  try {
    await client.$queryRaw`SELECT 1`;
  } catch {
    database = "unreachable";
  }
  if (database === "unreachable") return { status: "unavailable", database };
  return { status: draining() ? "draining" : "ok", database };
}
