import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { cachedNationalDay as getNationalDay } from "@/lib/schedule/cached-reads";
import { PAKISTAN_DAY_SLUG } from "@/lib/http/paths";
import { nationalDayMetadata } from "../national-days/national-day-metadata";
import { NationalDayView } from "../national-days/national-day-view";

const loadPakistanDay = cache(() => getNationalDay(PAKISTAN_DAY_SLUG));

export async function generateMetadata(): Promise<Metadata> {
  return nationalDayMetadata(await loadPakistanDay());
}

export default async function PakistanDayPage() {
  const day = await loadPakistanDay();
  if (!day) notFound();
  return <NationalDayView day={day} />;
}
