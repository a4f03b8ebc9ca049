import { describe, expect, test } from 'vitest';
import { MAX_PER_SIDE, relatedCoverage, relatedWords, type RelatedInput } from '../../src/site/related.ts';

// The related lists' rules on small hand-made archives; the lists on built pages are checked
// against the content by tests/build/related.test.ts.

/** An article with nothing but what is given; `i` makes its id and keeps its words apart. */
function article(i: number, given: Partial<RelatedInput> = {}): RelatedInput {
  return {
    id: `a${String(i).padStart(3, '0')}`,
    language: 'en',
    source: `source-${i}`,
    people: [],
    topics: [],
    title: `Headline number ${i}`,
    text: '',
    ...given,
  };
}

/** `count` filler articles sharing nothing with anything, so features are rare. */
function filler(count: number, from = 100): RelatedInput[] {
  return Array.from({ length: count }, (_, k) => article(from + k));
}

describe('relatedCoverage', () => {
  test('an article sharing a rare person is related; one sharing nothing has empty lists', () => {
    const archive = [article(1, { people: ['ada'] }), ...filler(30), article(2, { people: ['ada'] })];
    const lists = relatedCoverage(archive);
    // The archive is newest first: a001 is the newest, a002 the oldest.
    expect(lists.get('a001')).toEqual({ earlier: ['a002'], later: [] });
    expect(lists.get('a002')).toEqual({ earlier: [], later: ['a001'] });
    expect(lists.get('a100')).toEqual({ earlier: [], later: [] });
  });

  test('earlier and later follow the archive order, each side at most MAX_PER_SIDE, best first', () => {
    const archive = [
      ...Array.from({ length: 7 }, (_, k) => article(k + 1, { people: ['ada'] })),
      article(10, { people: ['ada', 'bob'], topics: ['ports'] }),
      ...Array.from({ length: 7 }, (_, k) => article(k + 20, { people: ['ada'] })),
      article(30, { people: ['ada', 'bob'] }),
      ...filler(400),
    ];
    const lists = relatedCoverage(archive).get('a010')!;
    expect(lists.later).toHaveLength(MAX_PER_SIDE);
    expect(lists.earlier).toHaveLength(MAX_PER_SIDE);
    // a030 shares two people, more than any other: chosen, though it is the oldest. Of equal
    // scores the newer are chosen, as the archive orders them (a020 to a023, not a024 to a026).
    // Shown in date order, oldest first, on both sides.
    expect(lists.earlier).toEqual(['a030', 'a023', 'a022', 'a021', 'a020']);
    expect(lists.later).toEqual(['a005', 'a004', 'a003', 'a002', 'a001']);
  });

  test('each side shows its best by score in date order, oldest first, whatever their scores', () => {
    // Newest first: a001 (shares two people and a topic with a010), a002 (one person), a010,
    // a020 (two people and a topic), a021 (one topic). By score the newer of each side comes
    // first; by date the older.
    const archive = [
      article(1, { people: ['ada', 'bob'], topics: ['ports'] }),
      article(2, { people: ['ada'] }),
      article(10, { people: ['ada', 'bob'], topics: ['ports'] }),
      article(20, { people: ['ada', 'bob'], topics: ['ports'] }),
      article(21, { topics: ['ports'] }),
      ...filler(60),
    ];
    const lists = relatedCoverage(archive).get('a010')!;
    expect(lists.earlier).toEqual(['a021', 'a020']);
    expect(lists.later).toEqual(['a002', 'a001']);
  });

  test('the same content gives the same lists, whatever the order of features within an article', () => {
    const make = (swap: boolean) =>
      [
        article(1, { people: swap ? ['bob', 'ada'] : ['ada', 'bob'], topics: ['ports', 'rail'] }),
        article(2, { people: ['ada'], topics: swap ? ['rail', 'ports'] : ['ports', 'rail'] }),
        article(3, { people: ['bob'], topics: ['rail'] }),
        ...filler(40),
      ] satisfies RelatedInput[];
    const a = relatedCoverage(make(false));
    expect(JSON.stringify([...relatedCoverage(make(true))])).toBe(JSON.stringify([...a]));
    expect(JSON.stringify([...relatedCoverage(make(false))])).toBe(JSON.stringify([...a]));
  });

  test('words relate articles of one language only', () => {
    const text = 'Quarantaine portuaire Marseille grues dockers conteneurs';
    const english = [article(1, { text }), article(2, { text }), ...filler(40)];
    expect(relatedCoverage(english).get('a001')!.earlier).toEqual(['a002']);
    const mixed = [
      article(1, { text }),
      article(2, { text, language: 'fr' }),
      ...filler(20),
      ...filler(20, 200).map((a) => ({ ...a, language: 'fr' })),
    ];
    expect(relatedCoverage(mixed).get('a001')).toEqual({ earlier: [], later: [] });
    expect(relatedCoverage(mixed).get('a002')).toEqual({ earlier: [], later: [] });
  });

  test('a feature in too many articles relates nothing; a weak link alone is left out', () => {
    // Everyone is named in every article; the shared source alone never counts.
    const everyone = Array.from({ length: 60 }, (_, k) =>
      article(k + 1, { people: ['everyone'], topics: ['news'], source: 'one' }),
    );
    for (const lists of relatedCoverage(everyone).values()) expect(lists).toEqual({ earlier: [], later: [] });
    // One shared ordinary word among 40 articles is not enough.
    const weak = [article(1, { text: 'harbour' }), article(2, { text: 'harbour' }), ...filler(40)];
    expect(relatedCoverage(weak).get('a001')).toEqual({ earlier: [], later: [] });
  });
});

describe('relatedWords', () => {
  test('folds case and diacritics and drops stop words, words of reporting, short words and numbers', () => {
    expect(relatedWords('The Mayor of Zürich said on Monday 2019 was a "year of élan", at 10:30.', 'en')).toEqual([
      'mayor',
      'zurich',
      'elan',
    ]);
    expect(relatedWords('Le maire de Lyon et les élus', 'fr')).toEqual(['maire', 'lyon', 'elus']);
  });
});
