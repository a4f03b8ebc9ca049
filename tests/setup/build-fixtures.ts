import { rm } from 'node:fs/promises';
import { writeFixtureArchive } from '../fixtures/archive.ts';
import { astroBuild } from '../helpers/build.ts';
import { DIST_ARCHIVE, DIST_ROOT, FIXTURE_CONTENT, TMP } from '../helpers/paths.ts';

// Builds the fixture archive once for all build and browser tests: at the site root, and under
// the sub-path /archive/ as a GitHub Pages project site would be.

export default async function setup(): Promise<void> {
  await rm(TMP, { recursive: true, force: true });
  await writeFixtureArchive(FIXTURE_CONTENT);
  for (const [outDir, base] of [
    [DIST_ROOT, '/'],
    [DIST_ARCHIVE, '/archive/'],
  ] as const) {
    const result = await astroBuild(FIXTURE_CONTENT, outDir, {
      ARCHIVE_BASE: base,
      ARCHIVE_SITE: 'https://archive.example.org',
      ARCHIVE_PAGE_SIZE: '5',
    });
    if (result.code !== 0) throw new Error(`fixture build (base ${base}) failed:\n${result.output}`);
  }
}
