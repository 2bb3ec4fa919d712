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

const monthYear = new Map<Language, Intl.DateTimeFormat>();

/** "March 2026", "marzo de 2026": when a profile joined, in the app's language. */
export function formatMonthYear(date: Date, language = currentLanguage()): string {
  let format = monthYear.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric' });
    monthYear.set(language, format);
  }
  return format.format(date);
}
