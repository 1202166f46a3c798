// Issue 11, item 4: SIGTERM lets in-flight requests finish and closes the pool. A `next start` of
// its own on the e2e database is sent SIGTERM while it is busy with requests already sent; every
// one of them must be answered (none reset), health says "draining" meanwhile, and the process
// must exit with no database error in its log (lib/graceful-shutdown.ts).
import http from "node:http";
import { expect, test } from "@playwright/test";
import { startApp } from "./helpers/own-app";

test.describe.configure({ timeout: 180_000 });

// A session cookie next-auth cannot read: the page is rendered per request (no page cache), so
// each request costs the server real work, as a signed-in visitor's page does.
const RENDERED = "next-auth.session-token=not-a-session";

/** One GET on a connection of its own; resolves with the status and Connection header, or the error code. */
function getOnOwnConnection(url: string, headers: Record<string, string> = {}): Promise<{ status: number; connection?: string; body: string } | string> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body }));
      response.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

test("SIGTERM answers every request already sent, reports draining, then exits cleanly", async () => {
  // Arrange
  const app = await startApp(process.env.DATABASE_URL as string);
  const pages = ["/events/mahler-symphony-no-8", "/schedule?date=2017-08-14", "/venues", "/pakistan-day"];
  const sent = Array.from({ length: 24 }, (_, index) => getOnOwnConnection(`${app.baseUrl}${pages[index % pages.length]}`, { cookie: RENDERED }));
  await new Promise((resolve) => setTimeout(resolve, 150));

  // Act
  const exited = app.terminate();
  await new Promise((resolve) => setTimeout(resolve, 50));
  const health = getOnOwnConnection(`${app.baseUrl}/api/health`);
  const answers = await Promise.all(sent);
  const healthAnswer = await health;
  const code = await exited;

  // Assert
  expect(answers.map((answer) => (typeof answer === "string" ? answer : answer.status))).toEqual(new Array(24).fill(200));
  expect(typeof healthAnswer === "string" ? healthAnswer : [healthAnswer.status, JSON.parse(healthAnswer.body).status]).toEqual([503, "draining"]);
  expect(code).toBe(143);
  expect(app.output()).not.toMatch(/Cannot use a pool|ECONNRESET|unhandled|Error:/i);
  expect(await getOnOwnConnection(`${app.baseUrl}/api/health`)).toBe("ECONNREFUSED");
});
