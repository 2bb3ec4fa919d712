import { currentLanguage, type Language } from './index';

// From the largest unit down; anything shorter than an hour (and not "just now") is minutes.
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
];

// Intl formatters are costly to build and a feed shows hundreds of timestamps: one per language.
const relative = new Map<Language, Intl.RelativeTimeFormat>();
const exact = new Map<Language, Intl.DateTimeFormat>();

function relativeFormat(language: Language): Intl.RelativeTimeFormat {
  let format = relative.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'long' });
    relative.set(language, format);
  }
  return format;
}

function exactFormat(language: Language): Intl.DateTimeFormat {
  let format = exact.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'medium' });
    exact.set(language, format);
  }
  return format;
}

/**
 * "3 minutes ago", "hace 3 minutos", "yesterday": the distance from `now` in the app's
 * language; null for "just now", which the caller words from the catalog.
 */
export function formatRelative(date: Date, now: number, language = currentLanguage()): string | null {
  const seconds = Math.round((date.getTime() - now) / 1000);
  // The shared clock may lag a few seconds behind a post written just now.
  if (seconds > -45) return null;
  const format = relativeFormat(language);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(Math.round(seconds / 60), 'minute');
}

/** The exact local date and time in the app's language, for the tooltip and the focused state. */
export function formatExact(date: Date, language = currentLanguage()): string {
  return exactFormat(language).format(date);
}

const STYLES = {
  /** "March 2026", "marzo de 2026": when a profile joined. */
  monthYear: { month: 'long', year: 'numeric' },
  /** "1 Mar 2026, 14:05": a backup, a revision. */
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** "1 Mar 2026": a day picked for "Older than…". */
  day: { dateStyle: 'medium' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const styled = new Map<string, Intl.DateTimeFormat>();

/** A date in one of the app's shorter styles, in the app's language. */
export function formatDate(date: Date, style: keyof typeof STYLES, language = currentLanguage()): string {
  const key = `${language}|${style}`;
  let format = styled.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, STYLES[style]);
    styled.set(key, format);
  }
  return format.format(date);
}

/** "Joined March 2026": a profile's month and year. */
export function formatMonthYear(date: Date, language = currentLanguage()): string {
  return formatDate(date, 'monthYear', language);
}

/** A file size in KB or MB, its number in the app's language ("1.5 MB", "1,5 MB"). */
export function formatSize(bytes: number, language = currentLanguage()): string {
  if (bytes < 1024 * 1024) {
    const kb = new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(
      Math.max(1, Math.round(bytes / 1024)),
    );
    return `${kb} KB`;
  }
  const mb = new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return `${mb.format(bytes / 1024 / 1024)} MB`;
}
