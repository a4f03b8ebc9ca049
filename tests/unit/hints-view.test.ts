import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import { hintsView } from '../../src/search/browser/hints-view.ts';

// What the page offers after a search that finds nothing. The help on what the box understands
// (phrases in quotes, figures as printed) is about words typed: a search of filters alone, with
// nothing typed, is not offered it.

const { document } = parseHTML('<!doctype html><html><body><div id="hints"></div></body></html>');
const was = (globalThis as { document?: unknown }).document;
beforeAll(() => {
  (globalThis as { document?: unknown }).document = document;
});
afterAll(() => {
  (globalThis as { document?: unknown }).document = was;
});

function shown(...args: Parameters<ReturnType<typeof hintsView>['show']>): string[] {
  const region = document.querySelector('#hints') as unknown as HTMLElement;
  hintsView(region, (q) => `?q=${q}`).show(...args);
  return [...region.querySelectorAll('p')].map((p) => p.textContent ?? '');
}

const BOX_HELP = /Put a phrase in quotes/;

test('words that find nothing: the help on phrases and figures', () => {
  expect(shown(0, [], [], 'harbour master').some((l) => BOX_HELP.test(l))).toBe(true);
  expect(shown(0, [], ['ferry'], '').some((l) => BOX_HELP.test(l))).toBe(true);
});

test('filters alone that find nothing: fewer filters, but no help about typing words', () => {
  const lines = shown(0, [], [], '', [{ label: 'without year: 2019', href: '?quoted=Dana+Marks', count: 3 }]);
  expect(lines).toEqual(['Fewer filters: without year: 2019 (3 results).']);
  expect(shown(0, [], [], '')).toEqual([]);
});

test('a phrase already in quotes that finds nothing: no advice to put it in quotes, the figures’ help stays', () => {
  const lines = shown(0, [], [], 'harbour master', [], true);
  expect(lines.some((l) => BOX_HELP.test(l))).toBe(false);
  expect(lines).toContain('Figures are found as printed: $1.8 billion, 3.5%, 9/11.');
});
