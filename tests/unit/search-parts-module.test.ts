import { expect, test } from 'vitest';
import { searchPartsModule } from '../../src/build/search-parts-module.ts';
import { pagePartsFor, pagePartsOfPlan, partsForLanguage, planSearchParts } from '../../src/search/parts.ts';

// The index plan handed to the search pages: the module `virtual:archive/search-parts` serves
// what each page loads under the build's plan, asking for the plan once.

const day = (i: number) => new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10);
const articles = (n: number, language: string) =>
  Array.from({ length: n }, (_, i) => ({ id: `${language}-${i}`, day: day(i), language }));

test('each search page gets the parts of its language; a language without parts gets none', () => {
  const plan = planSearchParts([...articles(150, 'en'), ...articles(3, 'zh')], 20, 100);
  const pages = pagePartsOfPlan(plan);
  expect(pagePartsFor(pages, 'en')).toEqual(partsForLanguage(plan, 'en'));
  expect(pagePartsFor(pages, 'zh')).toEqual(partsForLanguage(plan, 'zh'));
  expect(pagePartsFor(pages, 'fr')).toEqual({ dirs: [], byDate: [], undated: [] });
});

test('in a single index, every language loads it', () => {
  const pages = pagePartsOfPlan(planSearchParts([...articles(5, 'en'), ...articles(2, 'zh')], 3, 100));
  for (const lang of ['en', 'zh', 'fr'])
    expect(pagePartsFor(pages, lang)).toEqual({ dirs: [''], byDate: [0], undated: [] });
});

test("the virtual module exports the pages' parts of the plan, planned once", async () => {
  const plan = planSearchParts(articles(30, 'en'), 4, 10);
  let asked = 0;
  const plugin = searchPartsModule(() => (asked++, plan));
  const id = plugin.resolveId('virtual:archive/search-parts')!;
  expect(plugin.resolveId('./other.ts')).toBeUndefined();
  const code = plugin.load(id)!;
  expect(plugin.load(id)).toBe(code);
  expect(asked).toBe(1);
  const exported = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown };
  expect(exported.default).toEqual(pagePartsOfPlan(plan));
});
