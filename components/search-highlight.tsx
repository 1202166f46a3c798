import { Fragment } from "react";
import { highlightSegments } from "@/lib/schedule/search-text";

/**
 * Text with the searched words in <mark>. The text stays a React text node (escaped by React), so
 * an event title can never inject markup; only the <mark> elements are ours.
 */
export function SearchHighlight({ text, words }: { text: string; words?: readonly string[] }) {
  if (!words || words.length === 0) return <>{text}</>;
  return (
    <>
      {highlightSegments(text, words).map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>,
      )}
    </>
  );
}
