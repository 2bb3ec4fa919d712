import type { UIEvent } from 'react';
import { BODY_MAX, countGraphemes, splitGraphemes } from '../../electron/ipc/contract';

/** The live count of visible characters (grapheme clusters), exactly as main counts a post. */
export function CharacterCounter({ text, id }: { text: string; id?: string }) {
  const count = countGraphemes(text);
  const over = count > BODY_MAX;
  // The last ten characters get a stronger look before the limit turns it red.
  const near = !over && count > BODY_MAX - 10;
  const className = over ? 'counter over' : near ? 'counter near' : 'counter';
  return (
    <span id={id} className={className} data-over={over} aria-live="polite">
      {count}/{BODY_MAX}
      {over && <span className="counter-note"> · {count - BODY_MAX} over the limit</span>}
    </span>
  );
}

/**
 * Drawn behind the text box, in the same font and wrapping: the text itself invisible, the
 * part past the limit marked, so the user sees exactly which characters will not fit.
 */
export function OverLimitBackdrop({ text }: { text: string }) {
  const { within, over } = splitGraphemes(text, BODY_MAX);
  if (over === '') return null;
  return (
    <div className="over-backdrop" aria-hidden="true">
      {within}
      <mark>{over}</mark>
      {/* A final line break in a textarea still takes a line; the backdrop must too. */}
      {text.endsWith('\n') ? ' ' : null}
    </div>
  );
}

/** Keeps the backdrop scrolled with its text box (the box's previous sibling). */
export function syncBackdrop(event: UIEvent<HTMLTextAreaElement>): void {
  const backdrop = event.currentTarget.previousElementSibling;
  if (backdrop instanceof HTMLElement) backdrop.scrollTop = event.currentTarget.scrollTop;
}
