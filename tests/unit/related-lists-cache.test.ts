import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { cachedRelatedCoverage } from '../../src/site/related-archive.ts';
import { relatedCoverage, type RelatedInput } from '../../src/site/related.ts';

// The related lists kept in the build cache with a digest of their inputs: the same inputs give
// the kept lists without scoring again; any change to what the lists are worked out from (a
// person, a topic, a source, a word's count, the order) gives the lists of the new inputs, as
// relatedCoverage computes them.

const cache = mkdtempSync(path.join(tmpdir(), 'related-lists-cache-'));
beforeAll(() => vi.stubEnv('ARCHIVE_CACHE_DIR', cache));
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(cache, { recursive: true, force: true });
});

/** An archive of `n` articles, newest first: three at a time share a person, every eighth a topic, all a word or two. */
function archive(n: number): RelatedInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `2020/01/article-${String(i).padStart(3, '0')}`,
    language: 'en',
    source: `source-${i % 4}`,
    people: [`group-${Math.floor(i / 3)}`, `person-${i}`],
    topics: i % 8 === 0 ? ['harbour'] : [],
    terms: { words: ['pier', `word${i % 7}`, `only${i}`], counts: [1 + (i % 2), 2, 1] },
  }));
}

/** The kept lists file of the cache. */
function listsFile(): string {
  const dir = path.join(cache, 'related');
  return path.join(
    dir,
    readdirSync(dir).find((f) => f.startsWith('lists-'))!,
  );
}

describe('cachedRelatedCoverage', () => {
  test('gives the lists relatedCoverage gives, and the kept lists for the same inputs', () => {
    const inputs = archive(40);
    const expected = relatedCoverage(inputs);
    expect([...expected.values()].some((l) => l.earlier.length + l.later.length > 0)).toBe(true);
    expect(cachedRelatedCoverage(inputs)).toEqual(expected);
    // Kept: a mark put into the kept lists comes back for the same inputs (no scoring again).
    const kept = JSON.parse(readFileSync(listsFile(), 'utf8')) as { lists: [string, string[], string[]][] };
    kept.lists[0]![1] = ['kept-mark'];
    writeFileSync(listsFile(), JSON.stringify(kept));
    expect(cachedRelatedCoverage(archive(40)).get(kept.lists[0]![0])?.earlier).toEqual(['kept-mark']);
  });

  test('any change to the inputs gives the lists of the new inputs, not the kept ones', () => {
    const changes: [string, (a: RelatedInput[]) => void][] = [
      ['a person', (a) => (a[4] = { ...a[4]!, people: ['group-0'] })],
      ['a topic', (a) => (a[7] = { ...a[7]!, topics: ['harbour'] })],
      ['a source', (a) => (a[3] = { ...a[3]!, source: 'source-9' })],
      ['a count', (a) => (a[2] = { ...a[2]!, terms: { words: ['pier', 'word2', 'only2'], counts: [5, 2, 1] } })],
      ['the order', (a) => a.reverse()],
      ['an article fewer', (a) => a.splice(10, 1)],
    ];
    for (const [what, change] of changes) {
      cachedRelatedCoverage(archive(40));
      const inputs = archive(40);
      change(inputs);
      expect(cachedRelatedCoverage(inputs), what).toEqual(relatedCoverage(inputs));
    }
  });
});
