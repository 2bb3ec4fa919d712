import { useId, useState } from 'react';
import { navigate, useBefore, useRoute } from '../app/router';
import { useTranslation } from '../i18n/index';
import { formatDate } from '../i18n/format';

/** Today as `YYYY-MM-DD` in local time: the latest day one can jump to. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A `YYYY-MM-DD` day as a local date, to show in the app's language. */
function localDay(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

/** "Older than…": starts the list on screen at a chosen day, newest of that day first. */
export function JumpToDate() {
  const { t } = useTranslation();
  const route = useRoute();
  const before = useBefore();
  const [day, setDay] = useState(before ?? '');
  const id = useId();
  return (
    <form
      className="jump toolbar"
      aria-label={t('jump.label')}
      onSubmit={(event) => {
        event.preventDefault();
        if (day !== '') navigate(route, day);
      }}
    >
      <div className="field inline">
        <label htmlFor={id}>{t('jump.olderThan')}</label>
        <input
          id={id}
          type="date"
          value={day}
          max={today()}
          onChange={(event) => setDay(event.target.value)}
        />
      </div>
      <button type="submit" className="secondary" disabled={day === ''}>
        {t('jump.go')}
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
          {t('jump.backToNewest')}
        </button>
      )}
      {before && (
        <p className="muted jump-note">{t('jump.showing', { day: formatDate(localDay(before), 'day') })}</p>
      )}
    </form>
  );
}
