// Strict date handling for archive frontmatter. YAML parsers turn "2018-02-30" into 2 March
// without complaint, so dates are checked here, as text, before anything else sees them.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Days in a month of a given year (month is 1-12). */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a date text cannot be accepted, or null when it is a real, unambiguous date. */
export function dateProblem(text: string): string | null {
  const m = DATE_RE.exec(text.trim());
  if (!m) return `"${text}" is not a date in the form YYYY-MM-DD (or YYYY-MM-DDTHH:MM+HH:MM)`;
  const [, y, mo, d, h, mi, s, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12) return `"${text}" has month ${mo}; months run from 01 to 12`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `"${text}" is not a real date: ${y}-${mo} has ${last} days`;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59))
    return `"${text}" has an impossible time of day`;
  if (h !== undefined && zone === undefined)
    return `"${text}" has a time but no time zone; add one, such as Z or -04:00`;
  return null;
}

/** Parses a checked date text; date-only values mean midnight UTC of that day. */
export function parseArchiveDate(text: string): Date {
  const t = text.trim();
  return new Date(t.length === 10 ? `${t}T00:00:00Z` : t.replace(' ', 'T'));
}

/** The calendar day of a date as YYYY-MM-DD (UTC), for datetime attributes and sort keys. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Year and zero-padded month of a date (UTC), for the date archive. */
export function yearMonth(date: Date): { year: string; month: string } {
  const day = isoDay(date);
  return { year: day.slice(0, 4), month: day.slice(5, 7) };
}

const longFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A date as a reader sees it: "10 September 2018". */
export function formatDate(date: Date): string {
  return longFormat.format(date);
}

/** A month as a reader sees it: "September 2018". */
export function formatMonth(year: string, month: string): string {
  return monthFormat.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
}

/** A date range as a reader sees it: "10–11 September 2018", collapsing shared parts. */
export function formatDateRange(from: Date, to: Date): string {
  if (isoDay(from) === isoDay(to)) return formatDate(from);
  return longFormat.formatRange(from, to);
}

/** What follows a date the original does not print, wherever it is shown. */
export const INFERRED_NOTE = ' (date inferred)';

/**
 * The publication day as the article page prints it: "10 September 2018", or for a date worked
 * out from the page, the range from the earliest to the latest possible day ("10–11 September 2018").
 */
export function publishedText(published: Date, inferred?: { latest?: Date | undefined } | undefined): string {
  return inferred ? formatDateRange(published, inferred.latest ?? published) : formatDate(published);
}

/**
 * The whole date line of an article as text, for places that show it without markup (search
 * results): publishedText followed by INFERRED_NOTE when the date was inferred.
 */
export function datelineText(published: Date, inferred?: { latest?: Date | undefined } | undefined): string {
  return publishedText(published, inferred) + (inferred ? INFERRED_NOTE : '');
}
