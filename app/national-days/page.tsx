import type { Metadata } from "next";
import Link from "next/link";
import { cachedListNationalDays as listNationalDays } from "@/lib/schedule/cached-reads";
import { nationalDayPath } from "@/lib/http/paths";
import { longDayLabel } from "@/lib/time/format";

export const metadata: Metadata = {
  title: "National days",
  description: "The national days of EXPO 2017 in Astana and their programmes.",
};

export default async function NationalDaysPage() {
  const days = await listNationalDays();
  return (
    <>
      <h1>National days</h1>
      {days.length ? (
        <ul className="card-list">
          {days.map((day) => (
            <li key={day.slug} className="card">
              <Link href={nationalDayPath(day.slug)}>{day.name}</Link>
              {day.date ? <p className="muted">{longDayLabel(day.date)}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">No national days are in the programme yet.</p>
      )}
    </>
  );
}
