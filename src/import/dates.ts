import { dateProblem } from '../lib/dates.ts';

// Dates as pages print them, normalised to what the archive stores. A date is only kept when it
// is unambiguous: a time without a time zone keeps only its day, and unknown formats are dropped.

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** Month number (1-12) from an English month name or its three-letter form. */
function monthNumber(name: string): number {
  const n = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(n)) + 1;
}

/** YYYY-MM-DD from parts, or null when they do not make a real date. */
function day(year: number, month: number, date: number): string | null {
  const text = `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  return dateProblem(text) === null ? text : null;
}

/** A page's date text as YYYY-MM-DD or an ISO date-time with zone; null when unclear. */
export function normaliseDate(raw: string | undefined | null): string | null {
  const text = (raw ?? '').trim().replace(/^(\d{4})\/(\d{2})\/(\d{2})\b/, '$1-$2-$3');
  if (!text) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const [, date, time, zone] = iso;
    if (dateProblem(date!) !== null) return null;
    if (!time || !zone) return date!;
    const z = zone === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const full = `${date}T${time.length === 5 ? `${time}:00` : time}${z}`;
    return dateProblem(full) === null ? full : date!;
  }
  const dmy = /^(?:\w+,\s+)?(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})\b/.exec(text);
  if (dmy && monthNumber(dmy[2]!) > 0) return day(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]));
  const mdy = /^(?:\w+,\s+)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
  if (mdy && monthNumber(mdy[1]!) > 0) return day(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]));
  return null;
}
