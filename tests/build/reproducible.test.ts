import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { listFiles } from '../../src/lib/content-files.ts';
import { astroBuild } from '../helpers/build.ts';
import { DIST_ROOT, FIXTURE_CONTENT, TMP } from '../helpers/paths.ts';

// Building the same content twice, the second time with an empty cache, gives the same bytes.

/** SHA-256 of every file in a folder, by relative path. */
async function fingerprint(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of await listFiles(dir))
    out[file] = createHash('sha256')
      .update(await readFile(path.join(dir, file)))
      .digest('hex');
  return out;
}

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
