import { describe, expect, test } from 'vitest';
import { remarked } from '../../src/search/browser/marks.ts';
import { parsedQuery } from '../../src/search/browser/query.ts';
import type { PagefindSearchFragment } from '../../src/search/browser/pagefind-types.ts';

// What the words typed ask Pagefind (src/search/browser/query.ts), and which words of a result are
// marked (src/search/browser/marks.ts).

describe('phrases in any quotes', () => {
  test.each([
    '"harbour master"',
    '“harbour master”',
    '„harbour master“',
    '«harbour master»',
    '» harbour master «',
    '‘harbour master’',
    '‚harbour master‘',
    '「harbour master」',
    '  “harbour master”  ',
  ])('%s is the phrase "harbour master"', (q) => {
    expect(parsedQuery(q)).toMatchObject({ term: '"harbour master"', phrase: true, excluded: [] });
  });

  test('an apostrophe inside a phrase stays; quotes that do not hold the whole query are no phrase', () => {
    expect(parsedQuery('‘O’Connor’s harbour’').term).toBe('"O’Connor’s harbour"');
    expect(parsedQuery('“harbour master” resigned')).toMatchObject({ phrase: false, term: 'harbour master resigned' });
    expect(parsedQuery('O’Connor')).toMatchObject({ phrase: false, term: 'O’Connor' });
    expect(parsedQuery('“”').term).toBeNull();
  });

  test('a figure in a phrase is searched as the digits Pagefind indexes', () => {
    expect(parsedQuery('“$1.8 billion”').term).toBe('"18 billion"');
  });
});

describe('figures, a minus, stop words', () => {
  test('a figure is searched as the start of its token; digits alone as typed', () => {
    expect(parsedQuery('$1.8 billion').term).toBe('1d8qc36x billion');
    expect(parsedQuery('1.8').term).toBe('1d8q');
    expect(parsedQuery('18 pence').term).toBe('18 pence');
  });

  test('a word with a minus is left out and named; a hyphen inside a word or before a digit is no minus', () => {
    expect(parsedQuery('Sessions -Trump')).toMatchObject({ term: 'Sessions', excluded: ['Trump'] });
    expect(parsedQuery('Sessions −“Trump”')).toMatchObject({ term: 'Sessions', excluded: ['Trump'] });
    expect(parsedQuery('-Trump')).toMatchObject({ term: null, excluded: ['Trump'] });
    expect(parsedQuery('year-end -5')).toMatchObject({ term: 'year-end -5', excluded: [] });
  });

  test("stop words are the page language's", () => {
    const stops = (q: string, lang?: string) =>
      parsedQuery(q, lang)
        .words.filter((w) => w.stop)
        .map((w) => w.typed);
    expect(stops('War in the north, their homes')).toEqual(['in', 'the', 'their']);
    expect(stops('la guerre dans le nord', 'fr')).toEqual(['la', 'dans', 'le']);
    expect(stops('la guerre dans le nord', 'en')).toEqual([]);
  });
});

describe('marks', () => {
  const content = 'Families left their homes in the north. The war in the north is the first there.';
  /** A fragment of `content` with Pagefind's locations. */
  const fragment = (locations: number[], excerpt = 'as Pagefind cut it'): PagefindSearchFragment => ({
    url: '/a/',
    content,
    excerpt,
    meta: {},
    filters: {},
    word_count: 16,
    locations,
  });

  test('stop words are not marked in a query of several words, nor the words they begin', () => {
    // "the war in the north": Pagefind marks The, war, in, the, north, and their/there (begun by "the").
    const data = remarked(fragment([2, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15]), parsedQuery('the war in the north'));
    expect(data.locations).toEqual([6, 8, 11]);
    expect(data.excerpt).toBe(
      'Families left their homes in the <mark>north.</mark> The <mark>war</mark> in the <mark>north</mark> is the first there.',
    );
  });

  test('a stop word typed alone, or only stop words, are marked; so is a phrase', () => {
    const data = fragment([5, 9]);
    expect(remarked(data, parsedQuery('the'))).toBe(data);
    expect(remarked(data, parsedQuery('in the'))).toBe(data);
    expect(remarked(data, parsedQuery('"the war"'))).toBe(data);
    expect(remarked(data, parsedQuery('war north'))).toBe(data);
  });

  test('a figure is marked as printed, and the excerpt cut around it', () => {
    const long = `${'word '.repeat(40)}costs reached $1.8 billion, not $1.85 or 18 pence.`;
    const data = remarked({ ...fragment([]), content: long }, parsedQuery('1.8'));
    expect(data.locations).toEqual([42]);
    expect(data.excerpt).toMatch(/ costs reached <mark>\$1\.8<\/mark> billion, not \$1\.85 or 18 pence\.$/);
    expect(data.excerpt.split(' ')).toHaveLength(30);
  });

  test('text is escaped', () => {
    const data = remarked({ ...fragment([]), content: 'a <b> & $5' }, parsedQuery('$5'));
    expect(data.excerpt).toBe('a &lt;b&gt; &amp; <mark>$5</mark>');
  });
});
