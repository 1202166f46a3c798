"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";

/**
 * Closes the header's menu popover after a client navigation: without a script a link loads a new
 * document (and the menu starts closed), but Next's router keeps the layout, popover open and all.
 */
export function SiteMenuCloser({ menuId }: { menuId: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  useEffect(() => {
    const menu = document.getElementById(menuId);
    if (menu?.matches(":popover-open")) menu.hidePopover();
  }, [menuId, pathname, searchParams]);
  return null;
}
