import type { PublicChange } from "./public-changes";
import { KIND_LABELS } from "./describe-change";

// The change log as Atom (RFC 4287) for feed readers. Every text is XML-escaped and stripped of
// control characters XML 1.0 cannot carry; ids are tag: URIs that never change for an entry.

const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlText(value: string): string {
  return value
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

function entryLink(baseUrl: string, change: PublicChange): string {
  if (change.subject === "event" && change.kind !== "removed") return `${baseUrl}/events/${encodeURIComponent(change.slug)}`;
  if (change.subject === "venue") return `${baseUrl}/venues/${encodeURIComponent(change.slug)}`;
  if (change.subject === "national-day") return `${baseUrl}/national-days/${encodeURIComponent(change.slug)}`;
  return `${baseUrl}/changes`;
}

export function renderChangesAtom(changes: readonly PublicChange[], baseUrl: string): string {
  const updated = changes[0]?.at ?? "2017-06-10T00:00:00.000Z";
  const entries = changes.map((change) => {
    const link = entryLink(baseUrl, change);
    const title = `${KIND_LABELS[change.kind]}: ${change.title}`;
    return [
      "  <entry>",
      `    <id>tag:expo2017-schedule,2017:change-${change.id}</id>`,
      `    <title>${xmlText(title)}</title>`,
      `    <updated>${change.at}</updated>`,
      `    <link rel="alternate" href="${xmlText(link)}"/>`,
      `    <content type="text">${xmlText(change.summary.join("\n") || title)}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "  <id>tag:expo2017-schedule,2017:changes</id>",
    "  <title>EXPO 2017 Astana — programme changes</title>",
    `  <updated>${updated}</updated>`,
    "  <author><name>EXPO 2017 Astana organisers</name></author>",
    `  <link rel="self" href="${xmlText(`${baseUrl}/changes.atom`)}"/>`,
    `  <link rel="alternate" href="${xmlText(`${baseUrl}/changes`)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
