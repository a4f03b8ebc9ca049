import { setting } from '../content/settings.ts';

// Site-wide settings a reader sees: those a user sets are read in src/content/settings.ts.

/** Name of the archive, in the header, titles and feed (ARCHIVE_TITLE). */
export const SITE_TITLE = setting('ARCHIVE_TITLE');

/** One line on what the archive holds (ARCHIVE_DESCRIPTION). */
export const SITE_DESCRIPTION = setting('ARCHIVE_DESCRIPTION');

/** Articles per page on the home page and listing pages (ARCHIVE_PAGE_SIZE). */
export const PAGE_SIZE = setting('ARCHIVE_PAGE_SIZE');

/** Quotes per page on a person's quotes pages (ARCHIVE_QUOTES_PAGE_SIZE). */
export const QUOTES_PAGE_SIZE = setting('ARCHIVE_QUOTES_PAGE_SIZE');

/** Articles in the RSS feed. */
export const FEED_SIZE = 50;
