"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";

// Back within the app is a client navigation: the browser restores the scroll offset at once,
// while the page it came back to is not yet rendered, so on a long page (the schedule's 100 cards
// after a short event page) the offset is cut to what the shorter page allows. This keeps each
// address's last offset for the tab and puts it back once the page is on screen. A document the
// browser restores from its back/forward cache needs none of it (no render happens).

const STORAGE_KEY = "expo2017-scroll";
const KEPT = 50; // addresses remembered; older ones are dropped

const RESTORE_MS = 3000;
const VISITOR_SCROLLS = ["wheel", "touchstart", "keydown"] as const;

let traversing = false;
// Between a click on a link (or a form's submit) and the new page's render: the old page's
// offset is kept at the click, and the scroll events of the swap (cut by the shorter page, fired
// before the router updates the address) must not replace it.
let leaving = false;

function readOffsets(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "{}") as Record<string, number>;
  } catch {
    return {}; // storage off or a stale value: nothing to restore
  }
}

function keepOffset(href: string, offset: number): void {
  const offsets = readOffsets();
  delete offsets[href];
  offsets[href] = offset;
  const hrefs = Object.keys(offsets);
  for (const old of hrefs.slice(0, Math.max(0, hrefs.length - KEPT))) delete offsets[old];
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(offsets));
  } catch {
    // storage full or off: Back still works, only the offset may be cut
  }
}

export function ScrollRestorer() {
  const pathname = usePathname();
  const searchParams = useSearchParams();

  useEffect(() => {
    let frame = 0;
    const onPopState = () => {
      traversing = true;
    };
    const onScroll = () => {
      // While coming back, the browser's cut offset must not replace the one being restored.
      if (traversing || leaving) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => keepOffset(location.href, window.scrollY));
    };
    const onLeave = (event: Event) => {
      if (event.type === "submit" || (event.target instanceof Element && event.target.closest("a[href]"))) {
        keepOffset(location.href, window.scrollY);
        leaving = true;
      }
    };
    window.addEventListener("popstate", onPopState);
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("click", onLeave, true);
    window.addEventListener("submit", onLeave, true);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("click", onLeave, true);
      window.removeEventListener("submit", onLeave, true);
      window.removeEventListener("popstate", onPopState);
      window.removeEventListener("scroll", onScroll);
    };
  }, []);

  useEffect(() => {
    leaving = false;
    if (!traversing) return;
    const offset = readOffsets()[location.href];
    if (offset === undefined) {
      traversing = false;
      return;
    }
    // The page may still be streaming in: scroll as far as it allows, frame by frame, until the
    // offset is reachable, for at most RESTORE_MS, and never against the visitor's own scrolling.
    const until = performance.now() + RESTORE_MS;
    let frame = 0;
    const stop = () => {
      cancelAnimationFrame(frame);
      traversing = false;
      for (const type of VISITOR_SCROLLS) window.removeEventListener(type, stop);
    };
    // Start on the next frame and stop only once the offset has held from one frame to the next:
    // the browser applies its own (cut) restoration after the popstate handlers, in which React
    // may already have run this effect.
    const step = () => {
      const reachable = document.documentElement.scrollHeight - window.innerHeight;
      const held = Math.abs(window.scrollY - offset) <= 1;
      if ((held && reachable >= offset) || performance.now() > until) return stop();
      window.scrollTo(0, Math.min(offset, reachable));
      frame = requestAnimationFrame(step);
    };
    for (const type of VISITOR_SCROLLS) window.addEventListener(type, stop, { passive: true });
    frame = requestAnimationFrame(step);
    return stop;
  }, [pathname, searchParams]);

  return null;
}
