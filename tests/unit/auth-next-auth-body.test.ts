import path from "node:path";
import { parseLikeNextAuth } from "../../lib/auth/next-auth-request";

// next-auth's own parser, which the package does not export: loaded by path so the limiter's copy
// is checked against the code next-auth really runs.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- not reachable through the package's exports
const { getBody } = require(path.join(path.dirname(require.resolve("next-auth/next")), "utils.js")) as {
  getBody(req: Request): Promise<Record<string, unknown> | undefined>;
};

const post = (body: string, contentType: string) =>
  new Request("http://localhost/api/auth/callback/credentials", { method: "POST", body, headers: { "content-type": contentType } });

describe("parseLikeNextAuth reads a body exactly as next-auth does", () => {
  test.each([
    ["a form", "email=a%40b.test&password=x", "application/x-www-form-urlencoded"],
    ["a repeated field (the last one wins)", "email=decoy%40b.test&email=a%40b.test&password=x", "application/x-www-form-urlencoded"],
    ["JSON", '{"email":" A@B.test ","password":"x"}', "application/json"],
    ["JSON with a charset", '{"email":["a@b.test"]}', "application/json; charset=utf-8"],
    ["a type naming both (JSON is tried first)", '{"email":"a@b.test"}', "application/x-www-form-urlencoded, application/json"],
    ["text/plain (ignored)", "email=a@b.test", "text/plain"],
  ])("%s", async (_name, body, contentType) => {
    expect(await parseLikeNextAuth(post(body, contentType))).toEqual(await getBody(post(body, contentType)));
  });
});
