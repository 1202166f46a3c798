import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { cachedNationalDay as getNationalDay } from "@/lib/schedule/cached-reads";
import { PAKISTAN_DAY_PATH, PAKISTAN_DAY_SLUG } from "@/lib/http/paths";
import { nationalDayMetadata } from "../national-day-metadata";
import { NationalDayView } from "../national-day-view";

type Params = Promise<{ slug: string }>;

const loadDay = cache(getNationalDay);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return nationalDayMetadata(await loadDay((await params).slug));
}

export default async function NationalDayPage({ params }: { params: Params }) {
  const { slug } = await params;
  // One address per page: Pakistan Day lives at /pakistan-day.
  if (slug === PAKISTAN_DAY_SLUG) redirect(PAKISTAN_DAY_PATH);
  const day = await loadDay(slug);
  if (!day) notFound();
  return <NationalDayView day={day} />;
}
