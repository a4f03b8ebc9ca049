import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { apa, bibtex, chicago, cslJson, mla, plain, type CitationFacts } from '../../src/site/citation.ts';
import { sortKey } from '../../src/content/names.ts';
import { newsArticleJsonLd } from '../../src/site/structured-data.ts';
import { checkContent } from '../../src/content/check.ts';
import { caseCitationFacts } from '../helpers/citation.ts';

// Case citation-names: names are parsed into their parts (particles, suffixes), organizations and
// names in other orders are one literal name. Expected strings are written out by hand from the
// APA 7th, MLA 9th and Chicago 17th manuals' rules, not produced by the code under test.

const CASE = path.resolve('tests/fixtures/cases/citation-names/content');
const checked = await checkContent(CASE);

/** Citation facts of a case article, by the last part of its id. */
function facts(name: string): CitationFacts {
  return caseCitationFacts(checked.entries.articles.find((e) => e.id === `2022/06/${name}`)!);
}

/** The CSL-JSON authors of a case article. */
const cslAuthors = (name: string) => (JSON.parse(cslJson(facts(name), 'x')) as { author: unknown[] }[])[0]!.author;

test('the case content passes the check', () => {
  expect(checked.problems).toEqual([]);
});

describe('particles stay with the family name', () => {
  test('APA, MLA, Chicago', () => {
    expect(plain(apa(facts('particle')))).toMatch(/^van der Berg, A\. \(2022, June 1\)\. Dyke repairs begin\./);
    expect(plain(mla(facts('particle')))).toMatch(/^van der Berg, Anne\. “Dyke repairs begin\.”/);
    expect(plain(chicago(facts('particle')))).toMatch(/^van der Berg, Anne\. “Dyke repairs begin\.”/);
  });
  test('BibTeX and CSL-JSON', () => {
    expect(bibtex(facts('particle'), 'test/article')).toContain('author = {van der Berg, Anne}');
    expect(cslAuthors('particle')).toEqual([{ given: 'Anne', 'non-dropping-particle': 'van der', family: 'Berg' }]);
  });
});

describe('suffixes follow the name', () => {
  test('APA, MLA, Chicago', () => {
    expect(plain(apa(facts('suffix')))).toMatch(/^Hale, R\., Jr\. \(2022, June 3\)\./);
    expect(plain(mla(facts('suffix')))).toMatch(/^Hale, Robert, Jr\. “Mayor/);
    expect(plain(chicago(facts('suffix')))).toMatch(/^Hale, Robert, Jr\. “Mayor/);
  });
  test('BibTeX "Last, Jr, First" and CSL-JSON', () => {
    expect(bibtex(facts('suffix'), 'test/article')).toContain('author = {Hale, Jr., Robert}');
    expect(cslAuthors('suffix')).toEqual([{ given: 'Robert', suffix: 'Jr.', family: 'Hale' }]);
  });
});

describe('organizations are one literal name', () => {
  test('APA keeps its period after the author; MLA and Chicago give the name whole', () => {
    expect(plain(apa(facts('org')))).toMatch(/^Associated Press\. \(2022, June 2\)\. Port strike ends\./);
    expect(plain(mla(facts('org')))).toMatch(/^Associated Press\. “Port strike ends\.”/);
    expect(plain(chicago(facts('org')))).toMatch(/^Associated Press\. “Port strike ends\.”/);
  });
  test('BibTeX protects the name with braces that are not escaped; CSL-JSON uses literal', () => {
    const bib = bibtex(facts('org'), 'test/article');
    expect(bib).toContain('author = {{Associated Press}}');
    expect(bib).not.toContain('\\{');
    expect(cslAuthors('org')).toEqual([{ literal: 'Associated Press' }]);
  });
  test('a one-word author is literal too, with the period APA wants', () => {
    const f = { ...facts('org'), authors: [{ name: 'Reuters', organization: false }] };
    expect(plain(apa(f))).toMatch(/^Reuters\. \(2022, June 2\)\./);
    expect(bibtex(f, 'test/article')).toContain('author = {{Reuters}}');
  });
  test('JSON-LD calls it an Organization', () => {
    const ld = newsArticleJsonLd(facts('org'), { language: 'en', sourceUrl: 'https://planet.example.org/' });
    expect(ld.author).toEqual([{ '@type': 'Organization', name: 'Associated Press' }]);
  });
});

describe('names in other scripts and orders are not reordered', () => {
  test('APA lists them as written', () => {
    expect(plain(apa(facts('nonlatin')))).toMatch(/^李娜, & Nguyễn Văn An\. \(2022, June 4\)\./);
  });
  test('BibTeX and CSL-JSON keep them whole', () => {
    // Latin letters with accents as LaTeX accents (pdfLaTeX has no ễ in UTF-8), other scripts as
    // written; in a literal name the accents sit between the braced runs of text, as BibTeX's
    // special characters, so a style cutting the name for a label never cuts an accent in half.
    expect(bibtex(facts('nonlatin'), 'test/article')).toContain(
      'author = {{李娜} and {Nguy}{\\~{\\^{e}}}{n V}{\\u{a}}{n An}}',
    );
    expect(cslAuthors('nonlatin')).toEqual([{ literal: '李娜' }, { literal: 'Nguyễn Văn An' }]);
  });
});

test('front matter can say what an author is', async () => {
  const { articleSchema } = await import('../../src/content/schema.ts');
  const { z } = await import('astro/zod');
  const schema = articleSchema({ person: z.string(), source: z.string() });
  const base = { title: 'T', source: 's', url: 'https://x.example/', published: '2020-01-01', captured: '2020-01-02' };
  const parsed = schema.parse({
    ...base,
    authors: [
      'Ana Ruiz',
      { name: 'The Planet Investigations Unit', organization: true },
      { name: 'Jane Press', organization: false },
    ],
  });
  expect(parsed.authors).toEqual([
    { name: 'Ana Ruiz', organization: false },
    { name: 'The Planet Investigations Unit', organization: true },
    { name: 'Jane Press', organization: false },
  ]);
});

test('A–Z sort keys: family name first, particles after the given names', () => {
  expect(sortKey('Anne van der Berg')).toBe('Berg, Anne van der');
  expect(sortKey('Jeff Sessions')).toBe('Sessions, Jeff');
  expect(sortKey('Robert Hale Jr.')).toBe('Hale, Robert, Jr.');
  expect(sortKey('李娜')).toBe('李娜');
});
