import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { beginDrain, isDraining, stopTrackingRequests, trackRequests } from "../../lib/graceful-shutdown";

// What `next start` does on SIGTERM (server.close(), then exit once it calls back), with the drain
// of lib/graceful-shutdown.ts begun first, as its signal handler does, on a real http.Server.

interface Answer {
  status: number;
  connection: string | undefined;
  body: string;
}

/** One request on its own connection, read to the end. */
function get(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.get({ port, path, agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }));
    });
    request.on("error", reject);
  });
}

describe("graceful shutdown's drain", () => {
  let server: http.Server;
  let port: number;
  let release: () => void = () => {};
  let held: Promise<void>;

  beforeEach(async () => {
    trackRequests();
    held = new Promise((resolve) => (release = resolve));
    server = http.createServer((request, response) => {
      const answer = () => response.end(`answered ${request.url}`);
      if (request.url === "/slow") return void held.then(answer);
      if (request.url?.startsWith("/busy/")) for (const end = Date.now() + 40; Date.now() < end; );
      answer();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterEach(() => {
    release();
    server.closeAllConnections();
    server.close();
    stopTrackingRequests();
  });

  it("answers every request already sent, on a busy server, before it closes", async () => {
    // Arrange: 24 requests on 24 connections to a server that spends 40 ms of CPU on each, so
    // most are still waiting in the kernel's accept queue or unparsed when the stop comes.
    const answers = Array.from({ length: 24 }, (_, index) => get(port, `/busy/${index}`).catch((error: NodeJS.ErrnoException) => error.code ?? "error"));
    await new Promise((resolve) => setTimeout(resolve, 150));
    let closed = false;

    // Act: the stop signal, then what Next does: server.close().
    const drained = beginDrain();
    server.close(() => (closed = true));
    const results = await Promise.all(answers);
    await drained;
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Assert: none was reset, every answer told its client not to reuse the connection, the server
    // closed, and a new connection is refused.
    expect(isDraining()).toBe(true);
    expect(results.map((result) => (typeof result === "string" ? result : result.status))).toEqual(new Array(24).fill(200));
    expect(results.filter((result) => typeof result !== "string" && result.connection === "close").length).toBeGreaterThan(0);
    expect(closed).toBe(true);
    const refused = await new Promise<string>((resolve) => net.connect(port, "127.0.0.1").once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "")));
    expect(refused).toBe("ECONNREFUSED");
  });

  it("answers a request in flight and one sent later on a connection opened before the stop", async () => {
    // Arrange: a request the handler holds, and an open connection with nothing sent yet.
    const slow = get(port, "/slow");
    const early = net.connect(port, "127.0.0.1");
    await new Promise((resolve) => early.once("connect", resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Act
    const drained = beginDrain();
    server.close();
    let lateAnswer = "";
    early.on("data", (chunk: Buffer) => (lateAnswer += chunk.toString()));
    early.write(`GET /late HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    const answer = await slow;
    await drained;

    // Assert
    expect(answer).toMatchObject({ status: 200, connection: "close", body: "answered /slow" });
    expect(lateAnswer).toMatch(/^HTTP\/1\.1 200/);
    expect(lateAnswer).toMatch(/\r\nConnection: close\r\n/i);
    early.destroy();
  });

  it("waits for the handler of a request whose client left, so its queries still find the pool open", async () => {
    // Arrange: a request the handler holds, whose client then hangs up.
    const client = net.connect(port, "127.0.0.1");
    await new Promise((resolve) => client.once("connect", resolve));
    client.write(`GET /slow HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    let drainedAt = 0;

    // Act
    const drained = beginDrain().then(() => (drainedAt = Date.now()));
    server.close();
    await new Promise((resolve) => setTimeout(resolve, 600));
    const stillWaiting = drainedAt === 0;
    const releasedAt = Date.now();
    release();
    await drained;

    // Assert: not drained while the handler was still working, drained soon after it ended.
    expect(stillWaiting).toBe(true);
    expect(drainedAt).toBeGreaterThanOrEqual(releasedAt);
  });

  it("closes an idle keep-alive connection once nothing is in flight", async () => {
    // Arrange: a connection that made one request and stays open.
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((resolve) => http.get({ port, path: "/", agent }, (response) => response.resume().on("end", resolve)));
    let closed = false;

    // Act
    await beginDrain();
    server.close(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Assert: the idle connection did not hold the close.
    expect(closed).toBe(true);
    agent.destroy();
  });
});
