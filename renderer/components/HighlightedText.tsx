/**
 * Text with some ranges marked, as React text nodes and <mark> elements: the text is never
 * parsed as markup, so a body like `<img onerror=…>` is shown as written.
 */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly [number, number][] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start || end > text.length) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}
