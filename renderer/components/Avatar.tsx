/** A profile's round initial (its first code point, so an emoji or accent stays whole). */
export function Avatar({ name, small = false }: { name: string; small?: boolean }) {
  return (
    <span className={small ? 'avatar small' : 'avatar'} aria-hidden="true">
      {[...name][0]?.toUpperCase()}
    </span>
  );
}
