import { GET } from "../../app/api/health/route";
import { checkHealth } from "../../lib/health/check-health";
import net from "node:net";
import { createPrismaClient } from "../../lib/db";

describe("GET /api/health", () => {
  it("answers 200 with the database ok", async () => {
    const response = await GET();

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});

describe("checkHealth", () => {
  it("reports an unreachable database instead of throwing", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const unreachable = createPrismaClient("postgresql://nobody:nothing@127.0.0.1:1/none");
    try {
      expect(await checkHealth(unreachable)).toEqual({ status: "unavailable", database: "unreachable" });
    } finally {
      await unreachable.$disconnect();
    }
  });

  it("reports a server that accepts connections but never answers, instead of hanging", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    const client = createPrismaClient(`postgresql://nobody:nothing@127.0.0.1:${port}/none`);
    try {
      expect(await checkHealth(client)).toEqual({ status: "unavailable", database: "unreachable" });
    } finally {
      await client.$disconnect();
      silent.close();
    }
  });
});

describe("checkHealth while draining", () => {
  it("reports draining (the route answers 503) while the database is fine", async () => {
    expect(await checkHealth(undefined, () => true)).toEqual({ status: "draining", database: "ok" });
  });
});
