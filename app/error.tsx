"use client";

import Link from "next/link";
import { SCHEDULE_PATH } from "@/lib/http/paths";

// Any page without its own error.tsx lands here: a plain message inside the site's layout, never
// the error's text or stack (those stay in the server log).
export default function RootError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <div className="banner danger" role="alert">
        <p>This page could not be shown just now. Please try again in a moment.</p>
        <button type="button" onClick={reset}>
          Try again
        </button>
      </div>
      <p>
        Or <Link href={SCHEDULE_PATH}>go to the schedule</Link>.
      </p>
    </>
  );
}
