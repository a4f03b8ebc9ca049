import { dateProblem } from '../content/dates.ts';
import { MONTH_NAMES } from '../text/month-names.ts';

// Dates as pages print them, normalised to what the archive stores. A date is only kept when it
// is unambiguous: a time without a time zone keeps only its day, and unknown formats are dropped.

/** Month number (1-12) from a month name or its short form (MONTH_NAMES); 0 when unknown. */
function monthNumber(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES.findIndex((forms) => forms.includes(n)) + 1;
}

/** Weekday names and short forms in the same languages, lower-case. */
const WEEKDAYS = new Set(
  'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun lundi mardi mercredi jeudi vendredi samedi dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag mo di mi do fr sa so lunes martes miércoles jueves viernes sábado domingo lunedì martedì mercoledì giovedì venerdì sabato domenica segunda-feira terça-feira quarta-feira quinta-feira sexta-feira maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'.split(
    ' ',
  ),
);

/** Words that join the parts of a printed date and time ("3 de julio", "à 12h15", "um 8 Uhr", "a.m."). */
const DATE_FILLER = new Set(
  'de del à a at um uhr h am pm a.m p.m o’clock le el il op em on est edt cst cdt mst mdt pst pdt gmt utc bst cet cest ist the of'.split(
    ' ',
  ),
);

/**
 * A date written in numbers only, as pages print them: ISO 8601 (`2026-10-27`, with a time
 * `2026-10-27T21:40:00-04:00`), year first with slashes or dots (`2026/10/27`, `2026.10.27`),
 * or day and month first with slashes, dots or hyphens and a two- or four-digit year
 * (`27.10.2026`, `10/27/2026`, `27-10-26`). Month and day must be possible (one part at most 12,
 * both at most 31); which of them comes first need not be known to see that it is a date.
 */
function isNumericDate(word: string): boolean {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:t[\d:.]+(?:z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(word);
  if (iso) return Number(iso[2]) >= 1 && Number(iso[2]) <= 12 && Number(iso[3]) >= 1 && Number(iso[3]) <= 31;
  const yearFirst = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/.exec(word);
  if (yearFirst)
    return (
      Number(yearFirst[3]) >= 1 && Number(yearFirst[3]) <= 12 && Number(yearFirst[4]) >= 1 && Number(yearFirst[4]) <= 31
    );
  const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/.exec(word);
  if (!dayFirst) return false;
  const [a, b] = [Number(dayFirst[1]), Number(dayFirst[3])];
  return a >= 1 && b >= 1 && a <= 31 && b <= 31 && Math.min(a, b) <= 12;
}

/**
 * True when a short text is nothing but a printed date, possibly with a weekday and a time
 * ("9 de abril de 2024", "Tuesday, December 31, 2022, 8:05 p.m. EST", "11. Mai 2023 um 17:40 Uhr",
 * "2026-10-27", "27.10.2026", "10/27/2026 9:15"). A text that goes on after the date is not.
 */
export function isDateLine(text: string): boolean {
  if (text.length > 60 || !/\d/.test(text)) return false;
  const words = text
    .toLowerCase()
    .split(/[\s,|·•–—]+/)
    .map((w) => w.replace(/^[(.]+|[).:]+$/g, ''))
    // A separator standing alone ("27.10.2026 / 21:40") is not a word.
    .filter((w) => w && !/^[/-]+$/.test(w));
  return (
    words.some((w) => monthNumber(w) > 0 || isNumericDate(w)) &&
    words.every(
      (w) =>
        /^\d{1,4}(?:st|nd|rd|th|er|º|\.)?$/.test(w) ||
        /^\d{1,2}[:h.]\d{2}(?:[ap]\.?m\.?)?$/.test(w) ||
        isNumericDate(w) ||
        monthNumber(w) > 0 ||
        WEEKDAYS.has(w) ||
        DATE_FILLER.has(w),
    )
  );
}

/** YYYY-MM-DD from parts, or null when they do not make a real date. */
function day(year: number, month: number, date: number): string | null {
  const text = `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  return dateProblem(text) === null ? text : null;
}

/**
 * A page's date text as YYYY-MM-DD or an ISO date-time with its zone; null when unclear.
 * A date-time keeps the offset the page gave ("2022-12-31T20:05:00-05:00"), so the calendar
 * day stays the one the original printed; a time without a zone keeps only its day. Reads ISO
 * 8601 (also with a space, "+0500", "+05" or "UTC"), "31 December 2022", "December 31, 2022",
 * "31. Dezember 2022", "31 de diciembre de 2022", and RFC 2822 dates, in the languages of MONTH_NAMES.
 */
export function isoDateFromPage(raw: string | undefined | null): string | null {
  const text = (raw ?? '')
    .trim()
    .replace(/^(\d{4})\/(\d{2})\/(\d{2})\b/, '$1-$2-$3')
    .replace(/\s*(?:UTC|GMT)$/i, 'Z');
  if (!text) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
    text,
  );
  if (iso) {
    const [, date, time, zone] = iso;
    if (dateProblem(date!) !== null) return null;
    if (!time || !zone) return date!;
    const z =
      zone.toUpperCase() === 'Z'
        ? 'Z'
        : zone.replace(/^([+-]\d{2}):?(\d{2})?$/, (_m, h: string, m?: string) => `${h}:${m ?? '00'}`);
    const full = `${date}T${time.length === 5 ? `${time}:00` : time}${z}`;
    return dateProblem(full) === null ? full : date!;
  }
  const words = text.replace(/,/g, ' ').replace(/\s+/g, ' ');
  const dmy = /^(?:\p{L}+\.?\s+)?(\d{1,2})(?:\.|er|º|o)?\s+(?:de\s+)?(\p{L}+)\.?\s+(?:de\s+)?(\d{4})\b/u.exec(words);
  if (dmy && monthNumber(dmy[2]!) > 0) return day(Number(dmy[3]), monthNumber(dmy[2]!), Number(dmy[1]));
  const mdy = /^(?:\p{L}+\.?\s+)?(\p{L}+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\s+(\d{4})\b/u.exec(words);
  if (mdy && monthNumber(mdy[1]!) > 0) return day(Number(mdy[3]), monthNumber(mdy[1]!), Number(mdy[2]));
  return null;
}

/**
 * What one word of a printed date line is, by the same vocabulary isDateLine reads: a month
 * name, a weekday, a numeric date (see isNumericDate), a clock time ("8:05", "14h30", "9.15pm"),
 * a day or year number, or a joining word ("de", "um", "EST"); null for any other word. The
 * word is compared lower-case, without surrounding brackets or a trailing full stop or colon.
 */
export function dateWordKind(word: string): 'month' | 'weekday' | 'numeric-date' | 'time' | 'number' | 'filler' | null {
  const w = word.toLowerCase().replace(/^[(.]+|[).:,]+$/g, '');
  if (!w) return null;
  if (monthNumber(w) > 0) return 'month';
  if (WEEKDAYS.has(w)) return 'weekday';
  if (isNumericDate(w)) return 'numeric-date';
  if (/^\d{1,2}[:h.]\d{2}(?::\d{2})?(?:[ap]\.?m\.?)?$/.test(w) || /^\d{1,2}(?:[ap]\.?m\.?)$/.test(w)) return 'time';
  if (/^\d{1,4}(?:st|nd|rd|th|er|º|\.)?$/.test(w)) return 'number';
  if (DATE_FILLER.has(w)) return 'filler';
  return null;
}
