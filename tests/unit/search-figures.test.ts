import { describe, expect, test } from 'vitest';
import type { CheckResult } from '../../src/content/check.ts';
import { figureToken, figureTokens, typedFigureToken } from '../../src/search/figures.ts';
import { planFor, searchRecords } from '../../src/search/records.ts';

// Figures as printed: the token a record carries per figure, and what a typed figure is searched
// as (src/search/figures.ts). Pagefind finds a record when the typed token begins one of its
// tokens, so that is what the tests compare.

describe('the token of a figure as printed', () => {
  test.each([
    ['$1.8', '1d8qc36xz'],
    ['$1.8,', '1d8qc36xz'],
    ['(3.5%)', '3d5qpxz'],
    ['9/11', '9s11qxz'],
    ['10,000.', '10g000qxz'],
    ['£4.5bn', '4d5qc163x9z'],
    ['US$5', '5qc36xz'],
    ['5€', '5qc8364xz'],
    ['“1.8”', '1d8qxz'],
    ['3:30', '3t30qxz'],
    ['18%', '18qpxz'],
  ])('%s', (word, token) => expect(figureToken(word)).toBe(token));

  test.each(['18', '2019', '2019.', 'war', '1990s', '$', '%', '$1.8$', '1.', '.5', 'x1.8'])('%s is no figure', (word) =>
    expect(figureToken(word)).toBeUndefined(),
  );

  test('a text gives each figure once, in order', () => {
    expect(figureTokens('Costs of $1.8 billion, then $5 and $1.8 again; 18 pence, 3.5% more.')).toEqual([
      '1d8qc36xz',
      '5qc36xz',
      '3d5qpxz',
    ]);
  });
});

describe('a typed figure finds the figures printed with the same digits, and no other', () => {
  const PRINTED = [
    '$1.8',
    '1.8',
    '1.8%',
    '$1.8bn',
    '£1.8',
    '1.85',
    '11.8',
    '$18',
    '18%',
    '$5',
    '$50',
    '£5',
    '3.5%',
    '9/11',
    '10,000',
    '100,000',
  ];
  /**
   * The oracle, by the printed strings alone: the same digits and separators, and every part of
   * the typed unit (currency symbol, percent sign, multiplier) printed too.
   */
  function expected(typed: string, printed: string): boolean {
    const digits = (s: string) => s.replace(/[^\d.,/:]/g, '');
    const marks = (s: string) => s.replace(/[\d.,/:]/g, '');
    if (digits(typed) !== digits(printed)) return false;
    return marks(printed).startsWith(marks(typed)) || marks(typed) === '';
  }
  for (const typed of ['1.8', '$1.8', '$1.8bn', '1.8%', '£1.8', '$5', '5%', '3.5%', '3.5', '9/11', '10,000'])
    test(typed, () => {
      const token = typedFigureToken(typed)!;
      const finds = PRINTED.filter((p) => figureToken(p)!.startsWith(token));
      expect(finds).toEqual(PRINTED.filter((p) => expected(typed, p)));
    });
});

test('a record carries the tokens of the figures its headline and text print, as hidden metadata', async () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const entries = {
    articles: [
      {
        id: '2021/09/memorial-budget',
        file: 'm.md',
        path: '/c/m.md',
        data: {
          title: 'Museum asks for 3.5% more',
          source: 'planet',
          url: 'https://x.example/m',
          published: d('2021-09-09'),
          captured: d('2021-09-10'),
          draft: false,
          authors: [],
          organizations: [],
          language: 'en',
          topics: [],
          people: [],
        },
      },
    ],
    people: [],
    sources: [
      { id: 'planet', file: 'p.yaml', path: '', data: { name: 'Daily Planet', homepage: 'https://x.example/' } },
    ],
  } as unknown as CheckResult['entries'];
  const [record] = await Array.fromAsync(
    searchRecords(
      { entries },
      async () => '<p>Costs reached $1.8 billion after 9/11; 18 pence.</p>',
      planFor({ entries }, 10)[0]!,
    ),
  );
  expect(record!.meta.figures).toBe('3d5qpxz 1d8qc36xz 9s11qxz');
  // The text itself is what the reader sees.
  expect(record!.content).toBe('Costs reached $1.8 billion after 9/11; 18 pence.');
});
