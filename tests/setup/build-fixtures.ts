import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importAll } from '../../src/import/run.ts';
import { writeFixtureArchive } from '../fixtures/sites.ts';
import { astroBuild, buildAtBases } from '../helpers/build.ts';
import { writeSearchOracleArchive } from '../fixtures/search-oracle-archive.ts';
import { writeHostileArchive } from '../fixtures/hostile-archive.ts';
import { writeEdgeArticles } from '../fixtures/edge-articles.ts';
import {
  DIST_HOSTILE,
  FIXTURE_BUILDS,
  FIXTURE_CONTENT,
  HOSTILE_BUILD_LOG,
  HOSTILE_CONTENT,
  HOSTILE_PAGES,
  SEARCH_ORACLE_BUILDS,
  SEARCH_ORACLE_CONTENT,
  TMP,
} from '../helpers/paths.ts';

// Builds the fixture archive once for all build and browser tests: at the site root, and under
// the sub-path /archive/ as a GitHub Pages project site would be. The hostile archive, and the
// search oracle's archive, which more than one file searches, are built here too.

export default async function setup(): Promise<void> {
  await rm(TMP, { recursive: true, force: true });
  await writeFixtureArchive(FIXTURE_CONTENT);
  // One article arrives the way a user adds most: a saved page through the importer.
  const imported = await importAll([path.resolve('tests/fixtures/extraction/dublin-core-blog.html')], FIXTURE_CONTENT, {
    dryRun: false,
    force: false,
    addPeople: false,
    maxBytes: 20_000_000,
    given: {},
  });
  if (imported.counts.imported !== 1) throw new Error(`fixture import failed: ${JSON.stringify(imported.outcomes)}`);
  // The hostile archive: payloads written into articles, the same payloads as saved pages
  // through the importer, and articles at the edges of what the archive accepts.
  await writeHostileArchive(HOSTILE_CONTENT, HOSTILE_PAGES);
  await writeEdgeArticles(HOSTILE_CONTENT);
  await importAll([HOSTILE_PAGES], HOSTILE_CONTENT, {
    dryRun: false,
    force: false,
    addPeople: false,
    maxBytes: 20_000_000,
    given: {},
  });
  // The three builds run at once: each has its own build cache, beside its output under TMP (so
  // every run builds from nothing), and what they share in the project's .astro/ folder (types and
  // empty module lists) Astro writes atomically and alike for every build.
  const builds = [
    astroBuild(HOSTILE_CONTENT, DIST_HOSTILE, { ARCHIVE_SITE: 'https://archive.example.org' }).then(async (hostile) => {
      if (hostile.code !== 0) throw new Error(`hostile fixture build failed:\n${hostile.output}`);
      await writeFile(HOSTILE_BUILD_LOG, hostile.output);
    }),
    ...FIXTURE_BUILDS.map(({ outDir, env }) =>
      astroBuild(FIXTURE_CONTENT, outDir, env).then((result) => {
        if (result.code !== 0) throw new Error(`fixture build (base ${env.ARCHIVE_BASE}) failed:\n${result.output}`);
      }),
    ),
  ];
  await Promise.all(builds);
  // The search oracle's three builds, after those: six builds at once would hold six builds'
  // memory on two cores for no gain in time.
  await writeSearchOracleArchive(SEARCH_ORACLE_CONTENT);
  const { rootParts, rootOneIndex, archive } = SEARCH_ORACLE_BUILDS;
  await Promise.all([
    buildAtBases(SEARCH_ORACLE_CONTENT, TMP, [rootParts, archive]),
    buildAtBases(SEARCH_ORACLE_CONTENT, TMP, [rootOneIndex]),
  ]);
}
