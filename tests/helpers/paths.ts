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
/** The search oracle's archive (tests/fixtures/search-oracle-archive.ts): its content folder, and its builds below. */
export const SEARCH_ORACLE_CONTENT = path.join(TMP, 'search-oracle-content');
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

/**
 * How the search oracle's archive is built, once for the files that search it (the global
 * setup's builds, with tests/helpers/build.ts buildAtBases): at the site root with the index in
 * parts of 25 records and in one part, and under /archive/ in parts of 25. The oracle
 * (tests/e2e/search-oracle.test.ts) searches `rootParts` and `archive`, the check that a search
 * answers once (tests/e2e/search-oracle-shown-once.test.ts) `rootOneIndex` and `archive`.
 */
export const SEARCH_ORACLE_BUILDS = {
  rootParts: { base: '/', name: 'search-oracle-root-parts', partSize: '25' },
  rootOneIndex: { base: '/', name: 'search-oracle-root', partSize: '' },
  archive: { base: '/archive/', name: 'search-oracle-archive', partSize: '25' },
} as const;

/** The output folder of one of SEARCH_ORACLE_BUILDS. */
export function searchOracleDist(build: keyof typeof SEARCH_ORACLE_BUILDS): string {
  return path.join(TMP, SEARCH_ORACLE_BUILDS[build].name);
}
