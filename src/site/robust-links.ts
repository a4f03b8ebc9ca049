import { isoDateTime, type ArchiveDate } from '../content/dates.ts';

// Robust Links (https://robustlinks.mementoweb.org/spec/): a link to a page on the live web
// carries the address of a lasting copy and the date of that copy, so a reader (or a script such
// as robustlinks.js) can still reach the page as it was when the original has changed or gone.

/** The Robust Links attributes of a link to an original. */
export interface RobustLinkAttributes {
  'data-originalurl': string;
  'data-versionurl': string;
  'data-versiondate': string;
}

/**
 * The attributes for a link to `original` whose archived copy is at `versionUrl` (an absolute
 * address: the version page of that capture), captured at `captured` (given as ISO 8601: the
 * calendar day, or the date-time with its offset, as the spec's data-versiondate allows).
 */
export function robustLink(original: string, versionUrl: string, captured: ArchiveDate): RobustLinkAttributes {
  return {
    'data-originalurl': original,
    'data-versionurl': versionUrl,
    'data-versiondate': isoDateTime(captured),
  };
}
