// The archive's one date model. Every date the archive shows, lists, files, filters or cites
// goes through this module, and nothing else slices ISO strings.
//
// A date is kept as the text the front matter gives (checked, see dateProblem): a calendar day
// ("2018-09-10"), or a moment with the time and UTC offset the original printed
// ("2019-12-31T21:15-05:00"). The calendar day of a date is the day in the original's own
// offset, which is the day written in the text: an article printed at 9.15pm on New Year's Eve in
// New York belongs to 31 December 2019 on its page, in every list, in the date archive, the year
// filter, the citations, the feed and the sitemap, although it was already 1 January in UTC. The
// moment itself (for ordering two articles of the same day, and JSON-LD) keeps the offset.
//
// The module has no Node APIs, so the search page's browser code formats dates with it too.

/** A checked date text: "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM[:SS[.fff]]" with "Z" or "±HH:MM". */
export type ArchiveDate = string;

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
  if (zone !== undefined && zone !== 'Z' && Number(zone.slice(1, 3)) > 14)
    return `"${text}" has the offset ${zone}; offsets run from -12:00 to +14:00`;
  return null;
}

/**
 * The fix to suggest for a date text that dateProblem refuses when the text has a time of day, so
 * the fix keeps the time instead of sending the user back to a plain YYYY-MM-DD (which would lose
 * it): a date-time without an offset gets the original's offset added
 * ("2018-09-10T14:30" -> "2018-09-10T14:30-04:00", or "…Z" for UTC); an impossible time, offset or
 * day is corrected with the rest kept; a time in another form is written in the archive's.
 * Undefined for a text with no time (the field's own fix applies).
 */
export function dateFix(text: string): string | undefined {
  const t = text.trim();
  const m = DATE_RE.exec(t);
  if (!m) {
    if (!/\d{1,2}:\d{2}/.test(t)) return undefined;
    return 'write the date and time as YYYY-MM-DDTHH:MM with the UTC offset the original gives, e.g. 2018-09-10T14:30-04:00, so the time is kept';
  }
  const [, y, mo, d, h, mi, sec, zone] = m;
  if (h === undefined) return undefined;
  const time = `${h}:${mi}${sec === undefined ? '' : `:${sec}`}`;
  if (zone === undefined) {
    const moment = t.replace(' ', 'T');
    return `keep the time and add the UTC offset the original gives it, e.g. ${moment}-04:00 for New York in summer, ${moment}+01:00 for Paris in winter, or ${moment}Z for UTC`;
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec ?? 0) > 59)
    return `correct the time of day (00:00 to 23:59) and keep the date and offset: ${y}-${mo}-${d}THH:MM${zone}`;
  if (zone !== 'Z' && Number(zone.slice(1, 3)) > 14)
    return `correct the offset to the one the original gives (from -12:00 to +14:00) and keep the time: ${y}-${mo}-${d}T${time}±HH:MM`;
  return `correct the day and keep the time and offset: YYYY-MM-DDT${time}${zone}`;
}

/**
 * The stored form of a date: the checked text with a "T" between day and time and the offset
 * written "±HH:MM". A JavaScript Date (which has no offset of its own) is stored in UTC: as a
 * calendar day when it is midnight UTC (what YAML libraries make of "2018-09-10"), else as a
 * moment with "Z".
 * @throws {RangeError} for an invalid Date, or text that dateProblem refuses (with its message).
 */
export function storedDate(value: string | Date): ArchiveDate {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('not a valid date');
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  const text = value.trim();
  const problem = dateProblem(text);
  if (problem !== null) throw new RangeError(problem);
  return text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** True when the text carries a time of day (and so an offset), not only a calendar day. */
function hasTime(text: string): boolean {
  return text.length > 10;
}

/**
 * The moment a date stands for, for ordering and the future-date check. A calendar day means
 * midnight UTC of that day, so the result never depends on the machine's time zone.
 */
export function parseArchiveDate(value: ArchiveDate | Date): Date {
  if (value instanceof Date) return value;
  const t = value.trim();
  return new Date(hasTime(t) ? t.replace(' ', 'T') : `${t.slice(0, 10)}T00:00:00Z`);
}

/**
 * The calendar day of a date as "YYYY-MM-DD", in the original's own offset: the day the original
 * printed ("2019-12-31T21:15-05:00" -> "2019-12-31"). A JavaScript Date, which has no offset, gives
 * its UTC day. Used for `datetime` attributes, sort keys, the date archive and the year filter.
 * @throws {RangeError} for text that is not a checked date (no YYYY-MM-DD at its start).
 */
export function isoDay(value: ArchiveDate | Date): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const m = DATE_RE.exec(value.trim());
  if (!m) throw new RangeError(`"${value}" is not a date in the form YYYY-MM-DD`);
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/**
 * Year and zero-padded month of a date's calendar day (see isoDay), for the date archive.
 * @throws {RangeError} as isoDay does.
 */
export function yearMonth(value: ArchiveDate | Date): { year: string; month: string } {
  const day = isoDay(value);
  return { year: day.slice(0, 4), month: day.slice(5, 7) };
}

/**
 * The year of a date's calendar day, "2019", for the year filter and citation keys.
 * @throws {RangeError} as isoDay does.
 */
export function yearOf(value: ArchiveDate | Date): string {
  return isoDay(value).slice(0, 4);
}

/**
 * [year, month 1-12, day] of a date's calendar day, as CSL-JSON "date-parts" wants them.
 * @throws {RangeError} as isoDay does.
 */
export function dateParts(value: ArchiveDate | Date): [number, number, number] {
  const day = isoDay(value);
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

/**
 * Orders two dates: by calendar day first (so lists agree with the dates they print), then, on
 * the same day, by the moment. A date without a time of day counts as the start of its day: it
 * comes before that day's dates with a time (last of its day when newest come first), whatever
 * their offsets. Negative when `a` comes first (is older).
 */
export function compareDates(a: ArchiveDate | Date, b: ArchiveDate | Date): number {
  const da = isoDay(a);
  const db = isoDay(b);
  if (da !== db) return da < db ? -1 : 1;
  const ta = hasTime(storedDate(a));
  const tb = hasTime(storedDate(b));
  if (!ta || !tb) return Number(ta) - Number(tb);
  return parseArchiveDate(a).getTime() - parseArchiveDate(b).getTime();
}

/**
 * A text that orders dates as compareDates does when texts are compared character by character
 * (and by Pagefind's sort, which compares runs of digits as numbers: every run here has a fixed
 * width): the calendar day ("2019-12-31"), followed for a date with a time of day by its moment
 * in UTC ("2019-12-31 2020-01-01T02:15:00.000Z"). The search records' sort key.
 * @throws {RangeError} as normalizeDate does.
 */
export function dateSortKey(value: ArchiveDate | Date): string {
  const text = storedDate(value);
  const day = isoDay(text);
  return hasTime(text) ? `${day} ${parseArchiveDate(text).toISOString()}` : day;
}

/**
 * A date for machine-readable metadata (schema.org JSON-LD, Open Graph, the sitemap): the
 * calendar day, or the full ISO 8601 date-time with the original's offset when the original gave
 * a time ("2019-12-31T21:15-05:00").
 */
export function isoDateTime(value: ArchiveDate | Date): string {
  if (value instanceof Date) return storedDate(value);
  return hasTime(value) ? storedDate(value) : isoDay(value);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as RFC 822 (section 5, with four-digit years as RSS 2.0 asks) in the original's own
 * offset: "Tue, 31 Dec 2019 21:15:00 -0500". A calendar day is midnight UTC ("+0000"), so the
 * day a feed reader shows is the day the archive shows.
 */
export function rfc822(value: ArchiveDate | Date): string {
  const text = isoDateTime(value);
  const [y, mo, d] = dateParts(text);
  const m = /T(\d{2}):(\d{2})(?::(\d{2}))?[^Z+-]*(Z|[+-]\d{2}:\d{2})$/.exec(text);
  const time = m ? `${m[1]}:${m[2]}:${m[3] ?? '00'}` : '00:00:00';
  const zone = !m || m[4] === 'Z' ? '+0000' : m[4]!.replace(':', '');
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
  return `${weekday}, ${String(d).padStart(2, '0')} ${SHORT_MONTHS[mo - 1]} ${y} ${time} ${zone}`;
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

/** Midnight UTC of a date's calendar day: what the UTC formatters need to print that day. */
function dayAsUtc(value: ArchiveDate | Date): Date {
  const [y, m, d] = dateParts(value);
  return new Date(Date.UTC(y, m - 1, d));
}

/** A date's calendar day as a reader sees it: "10 September 2018" (British English, as the site). */
export function formatDate(value: ArchiveDate | Date): string {
  return longFormat.format(dayAsUtc(value));
}

/** A month as a reader sees it: "September 2018"; `month` is "01"-"12". */
export function formatMonth(year: string, month: string): string {
  return monthFormat.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
}

/**
 * A range of calendar days as a reader sees it, for inferred dates: "10–11 September 2018",
 * "30 September – 1 October 2018", collapsing the parts the two days share; one day when equal.
 */
export function formatDateRange(from: ArchiveDate | Date, to: ArchiveDate | Date): string {
  if (isoDay(from) === isoDay(to)) return formatDate(from);
  return longFormat.formatRange(dayAsUtc(from), dayAsUtc(to));
}

const captureTimeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
  hourCycle: 'h23',
});

/**
 * When a capture was made, as a reader sees it: "27 November 2026, 10:15 UTC" when the capture
 * has a time (two captures of one day differ; a capture's moment is shown in UTC, as web archives
 * record it), else the day alone.
 */
export function captureText(captured: ArchiveDate): string {
  if (captured.length <= 10) return formatDate(captured);
  const moment = new Date(captured);
  return `${formatDate(moment)}, ${captureTimeFormat.format(moment)} UTC`;
}

/** What follows a date the original does not print, wherever it is shown. */
export const INFERRED_NOTE = ' (date inferred)';

/**
 * The publication day as the article page prints it: "10 September 2018", or for a date worked
 * out from the page, the range from the earliest to the latest possible day ("10–11 September 2018").
 */
export function publishedText(
  published: ArchiveDate | Date,
  inferred?: { latest?: ArchiveDate | Date | undefined } | undefined,
): string {
  return inferred ? formatDateRange(published, inferred.latest ?? published) : formatDate(published);
}

/**
 * The whole date line of an article as text, for places that show it without markup (search
 * results): publishedText followed by INFERRED_NOTE when the date was inferred.
 */
export function datelineText(
  published: ArchiveDate | Date,
  inferred?: { latest?: ArchiveDate | Date | undefined } | undefined,
): string {
  return publishedText(published, inferred) + (inferred ? INFERRED_NOTE : '');
}
