// Absolute URLs in the JSON API (answered with Cache-Control: public) and in the feeds name the
// site's public address, NEXTAUTH_URL, not whatever Host a client sent. getEnv reads the
// environment once per module registry, so each case loads the routes in a fresh one.
/* eslint-disable @typescript-eslint/no-require-imports */
export {}; // a module, so these names stay out of the global scope of the other test files

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Routes {
  events: Handler;
  event: Handler;
  venues: Handler;
  venue: Handler;
  nationalDays: Handler;
  nationalDay: Handler;
  publicFeed: Handler;
}

const nextAuthUrlBefore = process.env.NEXTAUTH_URL;

afterEach(() => {
  if (nextAuthUrlBefore === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = nextAuthUrlBefore;
});

function routesWith(nextAuthUrl: string | undefined): Routes {
  if (nextAuthUrl === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = nextAuthUrl;
  let routes: Routes | undefined;
  jest.isolateModules(() => {
    routes = {
      events: require("@/app/api/events/route").GET,
      event: require("@/app/api/events/[slug]/route").GET,
      venues: require("@/app/api/venues/route").GET,
      venue: require("@/app/api/venues/[slug]/route").GET,
      nationalDays: require("@/app/api/national-days/route").GET,
      nationalDay: require("@/app/api/national-days/[slug]/route").GET,
      publicFeed: require("@/app/calendar/expo-2017.ics/route").GET,
    };
  });
  return routes!;
}

/** What Next hands a route when a client sends "Host: evil.example": the URL is built from it. */
function forged(path: string): Request {
  return new Request(`http://evil.example${path}`, { headers: { Host: "evil.example" } });
}

const slug = (value: string) => ({ params: Promise.resolve({ slug: value }) });
const none = { params: Promise.resolve({}) };

async function urlsOf(routes: Routes): Promise<string[]> {
  const events = await (await routes.events(forged("/api/events?programme=pakistan-day&limit=1"), none)).json();
  const event = await (await routes.event(forged("/api/events/pakistan-day-evening-concert"), slug("pakistan-day-evening-concert"))).json();
  const venues = await (await routes.venues(forged("/api/venues"), none)).json();
  const venue = await (await routes.venue(forged("/api/venues/astana-opera"), slug("astana-opera"))).json();
  const days = await (await routes.nationalDays(forged("/api/national-days"), none)).json();
  const day = await (await routes.nationalDay(forged("/api/national-days/pakistan-day"), slug("pakistan-day"))).json();
  return [events.events[0].url, event.url, event.venue.url, venues.venues[0].url, venue.url, venue.events[0].url, days.nationalDays[0].url, day.url];
}

describe("absolute URLs in the JSON API", () => {
  it("use NEXTAUTH_URL's origin when it is set, whatever Host the client sent", async () => {
    const urls = await urlsOf(routesWith("https://expo.example/ignored-path"));
    expect(urls.filter((url) => !url.startsWith("https://expo.example/"))).toEqual([]);
    expect(urls[1]).toEqual("https://expo.example/events/pakistan-day-evening-concert");
  });

  it("fall back to the request's origin without NEXTAUTH_URL", async () => {
    const urls = await urlsOf(routesWith(undefined));
    expect(urls.filter((url) => !url.startsWith("http://evil.example/"))).toEqual([]);
  });
});

describe("links in the public feed", () => {
  it("use NEXTAUTH_URL's origin when it is set, whatever Host the client sent", async () => {
    const routes = routesWith("https://expo.example");
    const ics = await (await routes.publicFeed(forged("/calendar/expo-2017.ics?programme=pakistan-day"), none)).text();
    const unfolded = ics.replace(/\r\n /g, "");
    expect(unfolded).toContain("https://expo.example/events/pakistan-day-evening-concert");
    expect(unfolded).not.toContain("evil.example");
  });
});
