import { normalizeDate, parseArchiveDate } from './dates.ts';

// Article versions: every capture of an article is kept. The article file holds the latest
// capture; earlier ones live in content/versions/<article id>/<version id>.md.

/**
 * The version id of a capture, from its front matter `captured` text: the capture moment as web
 * archives write it (the 14-digit Wayback/Memento timestamp, `YYYYMMDDhhmmss` in UTC) for a
 * date-time with an offset or "Z" ("2026-11-27T12:15:00+02:00" -> "20261127101500"), or
 * `YYYYMMDD` for a calendar day ("2026-11-27" -> "20261127"). Fractions of a second are dropped.
 * Throws a RangeError naming the text when it is not a date the archive accepts (see dateProblem).
 */
export function versionId(captured: string): string {
  const text = normalizeDate(captured);
  if (text.length === 10) return text.replace(/-/g, '');
  return parseArchiveDate(text)
    .toISOString()
    .slice(0, 19)
    .replace(/[-T:]/g, '');
}
