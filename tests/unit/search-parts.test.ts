import { expect, test } from 'vitest';
import {
  partSize,
  partsForLanguage,
  planArchiveParts,
  planSearchParts,
  type PlannedArticle,
} from '../../src/search/parts.ts';

// How the search index is split into parts: bounded size, whole months, stable under additions.

/** `n` articles a day apart from 1 January 2000, in `language`. */
function articles(n: number, language = 'en', from = Date.UTC(2000, 0, 1)): PlannedArticle[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${language}-${i}`,
    day: new Date(from + i * 86_400_000).toISOString().slice(0, 10),
    language,
  }));
}

test('an archive that fits in one part gets one index at the top of pagefind/', () => {
  const parts = planSearchParts(articles(10), 5, 20);
  expect(parts).toHaveLength(1);
  expect(parts[0]).toMatchObject({ n: 0, dir: '', people: 5, from: '2000-01-01', to: '2000-01-10' });
  expect(partsForLanguage(parts, 'en')).toEqual({ dirs: [''], byDate: [0], undated: [] });
});

test('a larger archive is cut into parts of whole months, none larger than the size', () => {
  const list = articles(400);
  const parts = planSearchParts(list, 30, 100);
  const articleParts = parts.filter((p) => p.articles.length > 0);
  expect(parts[0]).toMatchObject({ articles: [], people: 30, peopleFrom: 0 });
  expect(articleParts.flatMap((p) => p.articles).toSorted()).toEqual(list.map((a) => a.id).toSorted());
  for (const p of articleParts) {
    expect(p.articles.length).toBeLessThanOrEqual(100);
    // Months are not split between parts (a month of 31 articles fits in a part of 100).
    const next = parts[p.n + 1];
    if (next?.from) expect(next.from.slice(0, 7)).not.toBe(p.to!.slice(0, 7));
  }
  // Parts run oldest to newest, without overlap.
  for (const [i, p] of articleParts.entries()) if (i > 0) expect(p.from! > articleParts[i - 1]!.to!).toBe(true);
});

test('adding a new article or editing one changes one part and leaves the rest as they were', () => {
  const before = planSearchParts(articles(400), 0, 100);
  const added = planSearchParts([...articles(400), { id: 'new', day: '2001-02-04', language: 'en' }], 0, 100);
  const changed = added.filter((p, i) => JSON.stringify(p) !== JSON.stringify(before[i]));
  expect(changed).toHaveLength(1);
  expect(changed[0]!.articles).toContain('new');
});

test('a month larger than a part is cut into pieces; people beyond one part get several', () => {
  const sameMonth = articles(250).map((a, i) => ({ ...a, day: `2010-05-${String((i % 28) + 1).padStart(2, '0')}` }));
  const parts = planSearchParts(sameMonth, 150, 100);
  expect(parts.map((p) => [p.articles.length, p.people, p.peopleFrom])).toEqual([
    [0, 100, 0],
    [0, 50, 100],
    [100, 0, 0],
    [100, 0, 0],
    [50, 0, 0],
  ]);
});

test('each language has its own parts; a search page loads only its own, an article part first', () => {
  const parts = planSearchParts([...articles(150, 'en'), ...articles(3, 'zh')], 20, 100);
  const zh = partsForLanguage(parts, 'zh');
  expect(zh.dirs).toHaveLength(1);
  expect(parts.find((p) => `${p.dir}` === zh.dirs[0])!.language).toBe('zh');
  const en = partsForLanguage(parts, 'en');
  expect(en.dirs).toHaveLength(3); // two article parts and the people part
  expect(parts.find((p) => p.dir === en.dirs[0])!.articles.length).toBeGreaterThan(0);
  expect(en.byDate).toEqual(parts.filter((p) => p.language === 'en' && p.articles.length > 0).map((p) => p.n));
});

test('the part size comes from ARCHIVE_SEARCH_PART_SIZE, and a bad value is named', () => {
  expect(partSize({})).toBe(2000);
  expect(partSize({ ARCHIVE_SEARCH_PART_SIZE: '500' })).toBe(500);
  expect(() => partSize({ ARCHIVE_SEARCH_PART_SIZE: 'lots' })).toThrow('ARCHIVE_SEARCH_PART_SIZE is "lots"');
});

test('the build and the search page plan the same parts: drafts and articles missing facts are left out', () => {
  const article = (id: string, published: string, language: string, more: Record<string, unknown> = {}) => ({
    id,
    data: { published, language, source: 's', url: `https://x.example/${id}`, ...more },
  });
  const shown = [
    article('a', '2001-01-05', 'en'),
    article('b', '2001-02-05T23:30:00-05:00', 'pt-BR'),
    article('c', '2001-03-05', 'en'),
  ];
  const left = [
    article('draft', '2001-01-06', 'en', { draft: true }),
    article('no-source', '2001-01-07', 'en', { source: undefined }),
  ];
  // The checker gives every entry; the pages' collection only the ones the site shows.
  const fromChecked = planArchiveParts([...left, ...shown], 3, 2);
  expect(fromChecked).toEqual(planArchiveParts(shown, 3, 2));
  // Worked by hand: 3 people and 3 articles exceed 2 a part, so people, then each language by month.
  expect(fromChecked.map((p) => [p.language, p.articles, p.people])).toEqual([
    ['en', [], 2],
    ['en', [], 1],
    ['en', ['a', 'c'], 0],
    ['pt', ['b'], 0],
  ]);
  // The day is the one the original printed, not the UTC day.
  expect(fromChecked[3]).toMatchObject({ from: '2001-02-05', to: '2001-02-05' });
});
