import { describe, expect, test } from 'vitest';
import { apa, bibtex, chicago, cslJson, mla, plain, type CitationFacts } from '../../src/site/citation.ts';

// Citation text as a reader would paste it, with authors present and absent, and with an inferred date.

const d = (s: string) => s;
/** Bylines of people. */
const people = (...names: string[]) => names.map((name) => ({ name, organization: false }));
const BASE: CitationFacts = {
  title: 'Senators clash over border funding in late-night session',
  authors: people('Jordain Carney', 'Alex Bolton'),
  newspaper: 'The Hill',
  url: 'https://thehill.com/homenews/senate/512345-senators-clash/',
  published: d('2019-03-14'),
  captured: d('2019-07-20'),
  archiveUrl: 'https://archive.example.org/articles/2019/03/senators-clash/',
  archiveName: 'News Archive',
};
const NO_AUTHOR: CitationFacts = { ...BASE, authors: [] };
const INFERRED: CitationFacts = {
  ...NO_AUTHOR,
  title: 'Immigration judges hit back at Sessions',
  published: d('2018-09-10'),
  inferredLatest: d('2018-09-11'),
};

describe('APA', () => {
  test('with authors', () => {
    expect(plain(apa(BASE))).toBe(
      'Carney, J., & Bolton, A. (2019, March 14). Senators clash over border funding in late-night session. The Hill. Retrieved July 20, 2019, from https://archive.example.org/articles/2019/03/senators-clash/',
    );
    expect(apa(BASE).find((r) => r.italic)?.text).toBe('The Hill');
  });
  test('without authors the title leads', () => {
    expect(plain(apa(NO_AUTHOR))).toBe(
      'Senators clash over border funding in late-night session. (2019, March 14). The Hill. Retrieved July 20, 2019, from https://archive.example.org/articles/2019/03/senators-clash/',
    );
  });
  test('an inferred date is a bracketed range', () => {
    expect(plain(apa(INFERRED))).toContain('(2018, [September 10–11]).');
  });
});

describe('MLA', () => {
  test('with one, two and three authors', () => {
    expect(plain(mla({ ...BASE, authors: people('Jordain Carney') }))).toBe(
      'Carney, Jordain. “Senators clash over border funding in late-night session.” The Hill, 14 Mar. 2019, thehill.com/homenews/senate/512345-senators-clash/. News Archive, archive.example.org/articles/2019/03/senators-clash/. Accessed 20 July 2019.',
    );
    expect(plain(mla(BASE))).toMatch(/^Carney, Jordain, and Alex Bolton\. “/);
    expect(plain(mla({ ...BASE, authors: people('A B', 'C D', 'E F') }))).toMatch(/^B, A, et al\. “/);
  });
  test('without authors, and with an inferred date', () => {
    expect(plain(mla(NO_AUTHOR))).toMatch(/^“Senators clash/);
    expect(plain(mla(INFERRED))).toContain('The Hill, [10–11 Sept. 2018], thehill.com/');
  });
});

describe('Chicago', () => {
  test('with authors', () => {
    expect(plain(chicago(BASE))).toBe(
      'Carney, Jordain, and Alex Bolton. “Senators clash over border funding in late-night session.” The Hill, March 14, 2019. Accessed July 20, 2019. https://archive.example.org/articles/2019/03/senators-clash/.',
    );
  });
  test('unsigned: the newspaper leads; an inferred date is bracketed', () => {
    expect(plain(chicago(INFERRED))).toBe(
      'The Hill. “Immigration judges hit back at Sessions.” [September 10–11, 2018]. Accessed July 20, 2019. https://archive.example.org/articles/2019/03/senators-clash/.',
    );
  });
});

describe('the archived copy', () => {
  // A version page's facts: its own address, captured in the evening of a day west of UTC. The
  // expected days are written by hand from the capture's own offset (the 21st in UTC).
  const VERSION: CitationFacts = {
    ...BASE,
    captured: d('2019-07-20T21:30:00-05:00'),
    archiveUrl: 'https://archive.example.org/articles/2019/03/senators-clash/versions/20190721023000/',
  };
  test.each([
    [
      'APA',
      apa,
      'Retrieved July 20, 2019, from https://archive.example.org/articles/2019/03/senators-clash/versions/20190721023000/',
    ],
    [
      'MLA',
      mla,
      'archive.example.org/articles/2019/03/senators-clash/versions/20190721023000/. Accessed 20 July 2019.',
    ],
    [
      'Chicago',
      chicago,
      'Accessed July 20, 2019. https://archive.example.org/articles/2019/03/senators-clash/versions/20190721023000/.',
    ],
  ])('%s text names the archived copy and its capture day as the access date', (_, style, end) => {
    expect(plain(style(VERSION)).endsWith(end)).toBe(true);
    expect(plain(style({ ...VERSION, authors: [] })).endsWith(end)).toBe(true);
  });
  test('MLA keeps the original as the first container and names the archive as the second', () => {
    const runs = mla(VERSION);
    expect(plain(runs)).toContain(
      'The Hill, 14 Mar. 2019, thehill.com/homenews/senate/512345-senators-clash/. News Archive, ',
    );
    expect(runs.filter((r) => r.italic).map((r) => r.text)).toEqual(['The Hill', 'News Archive']);
  });
});

describe('downloads', () => {
  test('BibTeX names authors family-first, escapes TeX, and notes an inferred date', () => {
    const bib = bibtex({ ...BASE, title: 'Costs rise 5% & more' }, 'test/article');
    expect(bib).toMatch(/^@article\{carney2019costs-[0-9a-f]{6},\n/);
    expect(bib).toContain('author = {Carney, Jordain and Bolton, Alex}');
    expect(bib).toContain('title = {{Costs rise 5\\% \\& more}}');
    expect(bib).toContain('date = {2019-03-14}');
    const inferred = bibtex(INFERRED, 'test/article');
    expect(inferred).not.toContain('author =');
    expect(inferred).toContain('date = {2018-09-10/2018-09-11}');
    expect(inferred).toContain('Publication date inferred');
  });
  test('CSL-JSON is an article-newspaper item with date parts', () => {
    const [item] = JSON.parse(cslJson(INFERRED, 'seed')) as Record<string, unknown>[];
    expect(item).toMatchObject({
      id: 'seed',
      type: 'article-newspaper',
      'container-title': 'The Hill',
      author: [],
      issued: {
        'date-parts': [
          [2018, 9, 10],
          [2018, 9, 11],
        ],
        circa: true,
      },
      accessed: { 'date-parts': [[2019, 7, 20]] },
    });
    const [signed] = JSON.parse(cslJson(BASE, 'x')) as { author: unknown[] }[];
    expect(signed!.author).toEqual([
      { family: 'Carney', given: 'Jordain' },
      { family: 'Bolton', given: 'Alex' },
    ]);
  });
});
