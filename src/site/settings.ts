// Site-wide settings a reader sees.

/** Name of the archive, in the header, titles and feed. */
export const SITE_TITLE = process.env.ARCHIVE_TITLE || 'News Archive';

/** One line on what the archive holds. */
export const SITE_DESCRIPTION =
  process.env.ARCHIVE_DESCRIPTION || 'Copies of news articles worth keeping, searchable and permanent.';

/** Articles per page on the home page and listing pages. */
export const PAGE_SIZE = Number(process.env.ARCHIVE_PAGE_SIZE) || 20;

/** Articles in the RSS feed. */
export const FEED_SIZE = 50;
