import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { AccountMenu } from "@/components/account-menu";
import { AdminHeaderLink } from "@/components/admin-header-link";
import { DeviceSavesNotice } from "@/components/device-saves-notice";
import { SavedEventsProvider } from "@/components/saved-events-provider";
import { SaveEventsForm } from "@/components/save-event-form";
import { SaveFormsEnhancer } from "@/components/save-forms-enhancer";
import { SiteHeader } from "@/components/site-header";
import { visitorOfRequest } from "@/components/visitor-of-request";
import { sitePublicOrigin } from "@/lib/http/public-base-url";
import { mergeDeviceSavesAction, saveEventAction } from "./itinerary/actions";
import { siteFont } from "./site-font";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  // Read at request time, never at build: the prerendered 404 would otherwise bake in the build's
  // environment (or fail the build where DATABASE_URL, which getEnv requires, is not set). It also
  // keeps every page dynamic, which the per-request CSP nonce needs (decision 008): a static page
  // would get no nonce and its scripts would be blocked.
  await connection();
  return {
    // Relative canonical and Open Graph URLs resolve against the site's public address, not localhost.
    metadataBase: new URL(sitePublicOrigin()),
    title: { default: "EXPO 2017 Astana — Schedule", template: "%s · EXPO 2017 Astana" },
    description:
      "The programme of EXPO 2017 in Astana, 10 June – 10 September 2017: more than 3,000 cultural and sports events, with Astana times, personal itineraries and calendar feeds.",
    // Static files in public/, drawn by scripts/generate-icons.mjs.
    icons: {
      icon: [{ url: "/favicon.ico", sizes: "16x16 32x32 48x48" }, { url: "/icon.svg", type: "image/svg+xml" }],
      apple: [{ url: "/apple-touch-icon.png", sizes: "180x180" }],
    },
    manifest: "/manifest.webmanifest",
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0b3d63",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The session's account and saved slugs, handed to the page with its HTML: no browser request
  // for them after load, and save buttons show the right state before any script runs.
  const visitor = await visitorOfRequest();
  return (
    <html lang="en" className={siteFont.variable}>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <SavedEventsProvider visitor={visitor} saveAction={saveEventAction} mergeAction={mergeDeviceSavesAction}>
          <SiteHeader account={<><AdminHeaderLink /><AccountMenu /></>} />
          {/* useSearchParams needs a Suspense boundary or it opts the whole page out of streaming. */}
          <Suspense fallback={null}>
            <SaveFormsEnhancer />
          </Suspense>
          {/* The one form every card's save button submits (components/save-event-form.tsx). */}
          <SaveEventsForm action={saveEventAction} />
          <DeviceSavesNotice />
          <main id="main" className="page">
            {children}
          </main>
        </SavedEventsProvider>
        <footer className="site-footer">
          <p>EXPO 2017 Astana · 10 June – 10 September 2017 · All times are Astana time (UTC+6 in 2017).</p>
        </footer>
      </body>
    </html>
  );
}
