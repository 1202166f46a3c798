import Link from "next/link";
import { Suspense } from "react";
import { SiteMenuCloser } from "./site-menu-closer";
import { HOME_PATH, ITINERARY_PATH, MAP_PATH, PAKISTAN_DAY_PATH, SCHEDULE_PATH, TIMETABLE_PATH, VENUES_PATH } from "@/lib/http/paths";

const LINKS = [
  { href: SCHEDULE_PATH, label: "Schedule" },
  { href: TIMETABLE_PATH, label: "Timetable" },
  { href: MAP_PATH, label: "Map" },
  { href: VENUES_PATH, label: "Venues" },
  { href: PAKISTAN_DAY_PATH, label: "Pakistan Day" },
  { href: ITINERARY_PATH, label: "My itinerary" },
];

const MENU_ID = "site-menu";

// On a phone the header is one row (brand + "Menu", under 64 px: issue 13); the links and the
// account corner sit in a popover the button opens without any script (popovertarget is plain
// HTML), closes with Escape or a tap outside. From 48rem the CSS shows the same element inline and
// hides the button, so there is one copy of every link and of "Signed in as" at any width.
// No prefetch: every page is dynamic (the root layout awaits connection()), so a prefetch brings
// nothing a tap could reuse, yet each one's answer is parsed on the phone's main thread after load
// (issue 13's traces: the largest tasks after hydration). A tap fetches the page then.
export function SiteHeader({ account }: { account?: React.ReactNode }) {
  return (
    <header className="site-header">
      <Link href={HOME_PATH} className="brand" prefetch={false}>
        EXPO 2017 Astana
      </Link>
      <button type="button" className="menu-button" popoverTarget={MENU_ID} aria-controls={MENU_ID}>
        Menu
      </button>
      <div id={MENU_ID} className="site-menu" popover="auto">
        <nav aria-label="Main">
          <ul>
            {LINKS.map((link) => (
              <li key={link.href}>
                <Link href={link.href} prefetch={false}>{link.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        {account ? <div className="account">{account}</div> : null}
      </div>
      {/* useSearchParams needs a Suspense boundary or it opts the whole page out of streaming. */}
      <Suspense fallback={null}>
        <SiteMenuCloser menuId={MENU_ID} />
      </Suspense>
    </header>
  );
}
