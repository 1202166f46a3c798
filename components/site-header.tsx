import Link from "next/link";
import { HOME_PATH, ITINERARY_PATH, MAP_PATH, PAKISTAN_DAY_PATH, SCHEDULE_PATH, TIMETABLE_PATH, VENUES_PATH } from "@/lib/http/paths";

const LINKS = [
  { href: SCHEDULE_PATH, label: "Schedule" },
  { href: TIMETABLE_PATH, label: "Timetable" },
  { href: MAP_PATH, label: "Map" },
  { href: VENUES_PATH, label: "Venues" },
  { href: PAKISTAN_DAY_PATH, label: "Pakistan Day" },
  { href: ITINERARY_PATH, label: "My itinerary" },
];

export function SiteHeader({ account }: { account?: React.ReactNode }) {
  return (
    <header className="site-header">
      <Link href={HOME_PATH} className="brand">
        EXPO 2017 Astana
      </Link>
      <nav aria-label="Main">
        <ul>
          {LINKS.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {account ? <div className="account">{account}</div> : null}
    </header>
  );
}
