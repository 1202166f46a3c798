// The page front door fills a new /api/events answer in process (lib/page-cache/install.ts,
// docs/decisions/024): it takes the route's stored text and own headers without a Request or a
// Response. Whatever it sends must be what the route handler answers for the same URL: same status,
// bytes, ETag, Content-Type and Cache-Control, whichever of the two built the stored answer first.
// getEnv reads the environment once per module registry, so each case loads the modules in a fresh one.
/* eslint-disable @typescript-eslint/no-require-imports */
import type { DirectAnswer } from "@/lib/page-cache/direct-fill";

type Route = (request: Request) => Promise<Response>;
type InProcess = (url: string) => Promise<DirectAnswer | null>;

const nextAuthUrlBefore = process.env.NEXTAUTH_URL;

afterEach(() => {
  if (nextAuthUrlBefore === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = nextAuthUrlBefore;
});

function loadWith(nextAuthUrl: string | undefined): { route: Route; inProcess: InProcess } {
  if (nextAuthUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = nextAuthUrl;
  let loaded: { route: Route; inProcess: InProcess } | undefined;
  jest.isolateModules(() => {
    loaded = { route: require("@/app/api/events/route").GET, inProcess: require("@/lib/page-cache/install").answerEventsInProcess };
  });
  return loaded!;
}

async function fromRoute(route: Route, url: string) {
  const response = await route(new Request(url));
  const headers = Object.fromEntries([...response.headers].filter(([name]) => ["cache-control", "content-type", "etag"].includes(name)));
  return response.status === 200 ? { status: 200, headers, body: await response.text() } : { status: response.status };
}

async function fromFrontDoor(inProcess: InProcess, url: string) {
  const answer = await inProcess(url);
  if (!answer || !("body" in answer)) return answer;
  return { status: answer.status, headers: Object.fromEntries(answer.headers), body: answer.body };
}

// A stamp per run, so each search is one nobody asked before (the programme cache is per process).
const stamp = Date.now();
const URLS = [
  `/api/events?q=concert+${stamp}`,
  `/api/events?q=opera`,
  `/api/events?q=%C3%A9t%C3%A9&limit=3`,
  `/api/events?date=2017-08-14&limit=200`,
  `/api/events?category=culture&q=symphony&limit=2`,
  `/api/events?q=x${stamp}`,
];

describe("/api/events filled in process by the page front door", () => {
  it("gives the route's status, bytes and headers, built by the front door first", async () => {
    const { route, inProcess } = loadWith("https://expo.example");
    const found: number[] = [];
    for (const path of URLS) {
      const url = `http://localhost:3000${path}&first=door`;
      const direct = await fromFrontDoor(inProcess, url);
      const viaRoute = await fromRoute(route, url);
      expect([path, direct]).toEqual([path, viaRoute]);
      found.push(direct && "body" in direct ? (JSON.parse(direct.body) as { events: unknown[] }).events.length : -1);
    }
    // Real answers: the searches find events (the last searches for a word nobody wrote).
    expect(found.map((count) => count > 0)).toEqual([false, true, true, true, true, false]);
  });

  it("gives the route's status, bytes and headers, built by the route first", async () => {
    const { route, inProcess } = loadWith("https://expo.example");
    for (const path of URLS) {
      const url = `http://localhost:3000${path}&first=route`;
      const viaRoute = await fromRoute(route, url);
      const direct = await fromFrontDoor(inProcess, url);
      expect([path, direct]).toEqual([path, viaRoute]);
    }
  });

  it("leaves a bad parameter's 400 to the route, with its status", async () => {
    const { route, inProcess } = loadWith("https://expo.example");
    const url = "http://localhost:3000/api/events?date=2017-13-40";
    expect([await fromFrontDoor(inProcess, url), (await route(new Request(url))).status]).toEqual([{ status: 400 }, 400]);
  });

  it("answers nothing without NEXTAUTH_URL: the answer's origin is then Next's to read", async () => {
    const { inProcess } = loadWith(undefined);
    expect(await inProcess(`http://localhost:3000/api/events?q=opera`)).toEqual(null);
  });
});
