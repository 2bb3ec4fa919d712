import { BODY_MAX, countCodePoints } from '../../electron/ipc/contract';

/** The live count in code points, exactly as the database counts a post's length. */
export function CharacterCounter({ text, id }: { text: string; id?: string }) {
  const count = countCodePoints(text);
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
