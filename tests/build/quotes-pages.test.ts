import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { page } from '../helpers/dist.ts';
import { DIST_ARCHIVE, DIST_ROOT, FIXTURE_BUILDS } from '../helpers/paths.ts';

// Which people have quotes pages, and how many: only those with more quotes than their own page
// shows (its five newest), at ARCHIVE_QUOTES_PAGE_SIZE quotes a page. A page repeating the person
// page's list, linked from nowhere, cost a page of the build for each such person (docs/
// performance.md, "Quotes' cost, divided"). Counted from data/quotes.jsonl.

/** Quotes a person page shows (src/site/quotes.ts). */
const SHOWN = 5;

describe.each([
  { dist: DIST_ROOT, base: '/', size: Number(FIXTURE_BUILDS[0].env.ARCHIVE_QUOTES_PAGE_SIZE) },
  { dist: DIST_ARCHIVE, base: '/archive/', size: Number(FIXTURE_BUILDS[1].env.ARCHIVE_QUOTES_PAGE_SIZE) },
])('quotes pages at $base', ({ dist, base, size }) => {
  test('only a person with more quotes than their page shows has quotes pages, one per page size of quotes', async () => {
    const counts = new Map<string, number>();
    for (const line of (await readFile(path.join(dist, 'data', 'quotes.jsonl'), 'utf8')).trimEnd().split('\n')) {
      const { person } = JSON.parse(line) as { person: string | null };
      if (person) counts.set(person, (counts.get(person) ?? 0) + 1);
    }
    const few = [...counts].filter(([, n]) => n <= SHOWN);
    const many = [...counts].filter(([, n]) => n > SHOWN);
    expect(few.length, 'people quoted at most five times').toBeGreaterThan(0);
    expect(many.length, 'people quoted more than five times').toBeGreaterThan(0);
    const people = (await readdir(path.join(dist, 'people'), { withFileTypes: true })).filter((d) => d.isDirectory());
    for (const { name: id } of people) {
      const n = counts.get(id) ?? 0;
      const pages = Array.from({ length: 1 + Math.ceil(n / size) }, (_, i) =>
        path.join(dist, 'people', id, 'quotes', i === 0 ? '' : `page/${i + 1}`, 'index.html'),
      ).filter((f) => existsSync(f)).length;
      expect(pages, `${id}: ${n} quotes`).toBe(n > SHOWN ? Math.ceil(n / size) : 0);
      const link = (await page(dist, `/people/${id}/`)).querySelector(`a[href="${base}people/${id}/quotes/"]`);
      expect(link !== null, `${id}: link to the quotes pages`).toBe(n > SHOWN);
    }
  });
});
