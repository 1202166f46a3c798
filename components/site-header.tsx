import Link from "next/link";

const LINKS = [
  { href: "/schedule", label: "Schedule" },
  { href: "/timetable", label: "Timetable" },
  { href: "/map", label: "Map" },
  { href: "/venues", label: "Venues" },
  { href: "/pakistan-day", label: "Pakistan Day" },
  { href: "/itinerary", label: "My itinerary" },
];

export function SiteHeader({ account }: { account?: React.ReactNode }) {
  return (
    <header className="site-header">
      <Link href="/" className="brand">
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
