import { useId, useState } from 'react';
import { navigate, useBefore, useRoute } from '../app/router';

/** Today as `YYYY-MM-DD` in local time: the latest day one can jump to. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** "Older than…": starts the list on screen at a chosen day, newest of that day first. */
export function JumpToDate() {
  const route = useRoute();
  const before = useBefore();
  const [day, setDay] = useState(before ?? '');
  const id = useId();
  return (
    <form
      className="jump toolbar"
      aria-label="Jump to a date"
      onSubmit={(event) => {
        event.preventDefault();
        if (day !== '') navigate(route, day);
      }}
    >
      <div className="field inline">
        <label htmlFor={id}>Older than…</label>
        <input
          id={id}
          type="date"
          value={day}
          max={today()}
          onChange={(event) => setDay(event.target.value)}
        />
      </div>
      <button type="submit" className="secondary" disabled={day === ''}>
        Go
      </button>
      {before && (
        <button
          type="button"
          className="link"
          onClick={() => {
            setDay('');
            navigate(route);
          }}
        >
          Back to newest
        </button>
      )}
      {before && <p className="muted jump-note">Showing posts from {before} and before.</p>}
    </form>
  );
}
