import type { Metadata } from "next";
import type { NationalDay } from "@/lib/schedule/national-days";
import { nationalDayPath } from "@/lib/http/paths";
import { longDayLabel } from "@/lib/time/format";

export function nationalDayMetadata(day: NationalDay | null): Metadata {
  if (!day) return { title: "National day not found" };
  const when = day.date ? `${longDayLabel(day.date)} at EXPO 2017 Astana` : "EXPO 2017 Astana";
  const description = day.summary ? `${when}. ${day.summary}`.slice(0, 300) : when;
  return {
    title: day.name,
    description,
    alternates: { canonical: nationalDayPath(day.slug) },
    openGraph: { title: day.name, description, type: "website", url: nationalDayPath(day.slug) },
  };
}
