import { GET } from "@/app/e/[id]/route";
import { prisma } from "@/lib/db";

// A deployment behind a proxy: the public origin is configured; the request's own Host and
// X-Forwarded-Proto (set by any client) must not leak into the redirect. getEnv() reads this on
// first use (each test file has its own modules).
process.env.NEXTAUTH_URL = "https://expo.example";

test("/e/{id} redirects to the configured public origin, whatever Host and X-Forwarded-Proto say", async () => {
  const event = await prisma.event.findUniqueOrThrow({ where: { slug: "pakistan-day-evening-concert" }, select: { id: true } });
  const id = String(event.id);
  const response = await GET(
    new Request(`http://localhost:3000/e/${id}`, { headers: { host: "evil.example", "x-forwarded-proto": "http", "x-forwarded-host": "evil.example" } }),
    { params: Promise.resolve({ id }) },
  );
  expect({ status: response.status, location: response.headers.get("location") }).toEqual({
    status: 308,
    location: "https://expo.example/events/pakistan-day-evening-concert",
  });
});
