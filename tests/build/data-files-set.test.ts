import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST_ARCHIVE, DIST_ROOT } from '../helpers/paths.ts';

// The files under data/, written in one pass at the end of the build: exactly the files the
// README lists (the whole archive's five in both forms, and a slice in both forms for every
// person, source and topic the summaries list, at the addresses they give), and no other.

/** Every file under `dir`, by path relative to it with "/". */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

describe.each([
  { dist: DIST_ROOT, base: '/' },
  { dist: DIST_ARCHIVE, base: '/archive/' },
])('the data files at $base', ({ dist, base }) => {
  test('are the five whole-archive files and every summary line’s slice, in both forms, and nothing else', async () => {
    const expected = ['articles', 'people', 'sources', 'topics', 'quotes'].flatMap((n) => [`${n}.csv`, `${n}.jsonl`]);
    for (const kind of ['people', 'sources', 'topics']) {
      const text = await readFile(path.join(dist, 'data', `${kind}.jsonl`), 'utf8');
      for (const line of text.split('\n').slice(0, -1)) {
        const summary = JSON.parse(line) as { id: string; data_csv: string; data_jsonl: string };
        for (const address of [summary.data_csv, summary.data_jsonl]) {
          const { pathname } = new URL(address);
          expect(pathname.startsWith(`${base}data/`)).toBe(true);
          expected.push(pathname.slice(`${base}data/`.length));
        }
        expect(expected.slice(-2)).toEqual([`${kind}/${summary.id}.csv`, `${kind}/${summary.id}.jsonl`]);
      }
    }
    expect(await filesUnder(path.join(dist, 'data'))).toEqual(expected.sort());
  });
});
