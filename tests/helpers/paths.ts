import path from 'node:path';

// Where the test builds put their output; shared by the global setup and the tests.

/** Scratch folder for test builds (ignored by git). */
export const TMP = path.resolve('tests/.tmp');
/** The fixture archive's content folder. */
export const FIXTURE_CONTENT = path.join(TMP, 'content');
/** The fixture archive built for the site root. */
export const DIST_ROOT = path.join(TMP, 'dist-root');
/** The fixture archive built for the sub-path /archive/. */
export const DIST_ARCHIVE = path.join(TMP, 'dist-archive');
/** The hostile-input archive's content folder, its saved pages for the importer, and its build. */
export const HOSTILE_CONTENT = path.join(TMP, 'hostile-content');
export const HOSTILE_PAGES = path.join(TMP, 'hostile-pages');
export const DIST_HOSTILE = path.join(TMP, 'dist-hostile');
/** What the hostile archive's build printed. */
export const HOSTILE_BUILD_LOG = path.join(TMP, 'build-hostile.log');

/**
 * How the fixture archive is built at the site root and under /archive/ (the global setup's two
 * builds): the environment a user would set (an empty part size: the index in one part); their
 * build caches are beside their output under TMP (tests/helpers/build.ts), so every run builds them
 * from nothing. The /archive/ build splits
 * its search index into parts of 4 records (src/search/parts.ts), so the search tests run against
 * one index and against merged parts.
 */
export const FIXTURE_BUILDS = [
  {
    outDir: DIST_ROOT,
    env: {
      ARCHIVE_BASE: '/',
      ARCHIVE_SITE: 'https://archive.example.org',
      ARCHIVE_PAGE_SIZE: '5',
      ARCHIVE_QUOTES_PAGE_SIZE: '5',
      ARCHIVE_SEARCH_PART_SIZE: '',
    },
  },
  {
    outDir: DIST_ARCHIVE,
    env: {
      ARCHIVE_BASE: '/archive/',
      ARCHIVE_SITE: 'https://archive.example.org',
      ARCHIVE_PAGE_SIZE: '5',
      ARCHIVE_QUOTES_PAGE_SIZE: '5',
      ARCHIVE_SEARCH_PART_SIZE: '4',
    },
  },
] as const;
