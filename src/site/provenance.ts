import { normalizeDate, type ArchiveDate } from '../content/dates';

// Provenance of an archived copy as the article and version pages show it, so a reader can find
// the capture and check it: the capture's moment, and (in ArticleFacts) the web archive, WARC
// record and payload digest it was read from.

/**
 * A capture date as a `<time datetime>` value (HTML's valid date or global date-and-time string):
 * a calendar day as it is ("2025-01-15"), a date-time as the moment in UTC ("2023-05-02T08:00:00Z").
 */
export function captureMoment(captured: ArchiveDate): string {
  const d = normalizeDate(captured);
  return d.length <= 10 ? d : `${new Date(d).toISOString().slice(0, 19)}Z`;
}
