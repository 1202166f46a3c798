import { GET } from "@/app/e/[id]/route";
import { prisma } from "@/lib/db";

const call = (id: string) =>
  GET(new Request(`http://localhost:3000/e/${id}`), { params: Promise.resolve({ id }) });

describe("GET /e/{id}", () => {
  it("redirects to the event's page", async () => {
    const event = await prisma.event.findUniqueOrThrow({
      where: { slug: "pakistan-day-evening-concert" },
      select: { id: true },
    });

    const response = await call(String(event.id));

    expect(response.status).toBe(308);
    expect(response.headers.get("location")).toEqual("http://localhost:3000/events/pakistan-day-evening-concert");
  });

  it.each(["0", "abc", "12x", "99999999", "1e3", "-1"])("answers 404 JSON for %s", async (id) => {
    const response = await call(id);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "No such event" });
  });
});
