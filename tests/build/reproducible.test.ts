import path from 'node:path';
import { expect, test } from 'vitest';
import { astroBuild } from '../helpers/build.ts';
import { fingerprint } from '../helpers/fingerprint.ts';
import { DIST_ROOT, FIXTURE_CONTENT, TMP } from '../helpers/paths.ts';

// Building the same content twice, the second time with an empty cache, gives the same bytes.

test('a second build of the fixture archive, from a cold cache, is byte-identical', async () => {
  const again = path.join(TMP, 'dist-root-again');
  const result = await astroBuild(FIXTURE_CONTENT, again, {
    ARCHIVE_SITE: 'https://archive.example.org',
    ARCHIVE_PAGE_SIZE: '5',
    ARCHIVE_CACHE_DIR: path.join(TMP, 'cold-cache'),
  });
  expect(result.code).toBe(0);
  const [first, second] = await Promise.all([fingerprint(DIST_ROOT), fingerprint(again)]);
  expect(Object.keys(first).length).toBeGreaterThan(100);
  const differing = Object.keys({ ...first, ...second }).filter((f) => first[f] !== second[f]);
  expect(differing).toEqual([]);
}, 120_000);
