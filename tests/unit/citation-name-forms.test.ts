import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { apa, bibtex, chicago, cslJson, mla, plain, type CitationFacts } from '../../src/site/citation.ts';
import { sortKey } from '../../src/content/names.ts';
import { citationMeta } from '../../src/site/structured-data.ts';
import { checkContent } from '../../src/content/check.ts';
import { caseCitationFacts } from '../helpers/citation.ts';

// Case citation-name-forms: honorifics were cited as initials ("Raman, D. P.", "Evans, H. S.").
// Reference lists leave out titles and degrees before and after names (APA 7th, "Format of the
// Author Element"; MLA 9th, "Titles and Suffixes"; Chicago 17th, names in bibliographies), and
// keep suffixes. Every expected string is written out by hand from those rules.

const CASE = path.resolve('tests/fixtures/cases/citation-name-forms/content');
const checked = await checkContent(CASE);
const names = caseCitationFacts(checked.entries.articles[0]!);

/** The facts of an article with these bylines, in a language (BCP 47). */
function bylines(authors: string[], language?: string): CitationFacts {
  return { ...names, authors: authors.map((name) => ({ name, organization: false })), language };
}

/** The CSL-JSON authors of a citation. */
const cslAuthors = (f: CitationFacts) => (JSON.parse(cslJson(f, 'x')) as { author: unknown[] }[])[0]!.author;

test('the case content passes the check', () => {
  expect(checked.problems).toEqual([]);
});

describe('the case’s six bylines, in every style', () => {
  test('APA', () => {
    expect(plain(apa(names))).toBe(
      'Fleury, M.-A., De Leo, R., Gownder, J. P., Smith, J., Evans, H., & Ocasio-Cortez, A. (2024, April 2). ' +
        'Six reporters share one byline. Daily Planet. Retrieved April 3, 2024, from https://archive.example.org/articles/2024/04/names/',
    );
  });
  test('MLA: the first author inverted, "et al." for three or more', () => {
    expect(plain(mla(names))).toMatch(/^Fleury, Marc-André, et al\. “Six reporters share one byline\.”/);
  });
  test('Chicago: the first inverted, the others as written without their titles', () => {
    expect(plain(chicago(names))).toMatch(
      /^Fleury, Marc-André, Rossana De Leo, J\. P\. Gownder, Jane Smith, Harold Evans, and Alexandria Ocasio-Cortez\. “Six/,
    );
  });
  test('BibTeX and CSL-JSON', () => {
    expect(bibtex(names, 'test/article')).toContain(
      "author = {Fleury, Marc-Andr{\\'{e}} and De Leo, Rossana and Gownder, J. P. and Smith, Jane and Evans, Harold and Ocasio-Cortez, Alexandria}",
    );
    expect(cslAuthors(names)).toEqual([
      { given: 'Marc-André', family: 'Fleury' },
      { given: 'Rossana', family: 'De Leo' },
      { given: 'J. P.', family: 'Gownder' },
      { given: 'Jane', family: 'Smith' },
      { given: 'Harold', family: 'Evans' },
      { given: 'Alexandria', family: 'Ocasio-Cortez' },
    ]);
  });
});

describe('the imported byline "Dr. Priya Raman and Sir Harold Evans"', () => {
  const f = bylines(['Dr. Priya Raman', 'Sir Harold Evans']);
  test('APA "Raman, P., & Evans, H."', () => {
    expect(plain(apa(f))).toMatch(/^Raman, P\., & Evans, H\. \(2024, April 2\)\./);
  });
  test('MLA and Chicago "Raman, Priya, and Harold Evans."', () => {
    expect(plain(mla(f))).toMatch(/^Raman, Priya, and Harold Evans\. “Six/);
    expect(plain(chicago(f))).toMatch(/^Raman, Priya, and Harold Evans\. “Six/);
  });
  test('BibTeX and CSL-JSON', () => {
    expect(bibtex(f, 'test/article')).toContain('author = {Raman, Priya and Evans, Harold}');
    expect(bibtex(f, 'test/article')).toMatch(/^@article\{raman2024six-[0-9a-f]{6},/);
    expect(cslAuthors(f)).toEqual([
      { given: 'Priya', family: 'Raman' },
      { given: 'Harold', family: 'Evans' },
    ]);
  });
  test('the Highwire and Dublin Core tags reference managers read name them without titles', () => {
    const meta = citationMeta(f, 'en');
    expect(meta.filter(([k]) => k === 'citation_author').map(([, v]) => v)).toEqual(['Priya Raman', 'Harold Evans']);
    expect(meta.filter(([k]) => k === 'DC.creator').map(([, v]) => v)).toEqual(['Priya Raman', 'Harold Evans']);
  });
  test('the tags name a byline kept whole as the citations do', () => {
    // "Mr and Mrs Smith" is one literal name in every style; the tags once read "and Mrs Smith".
    const meta = citationMeta(bylines(['Mr and Mrs Smith', 'Mr. T']), 'en');
    expect(meta.filter(([k]) => k === 'citation_author').map(([, v]) => v)).toEqual(['Mr and Mrs Smith', 'Mr. T']);
  });
  test('the people index files them by family name, without the title', () => {
    expect(sortKey('Dr. Priya Raman')).toBe('Raman, Priya');
    expect(sortKey('Sir Harold Evans')).toBe('Evans, Harold');
  });
});

describe('honorifics of other forms and languages', () => {
  /** APA's author element of one byline in a language. */
  const apaName = (name: string, language?: string) => plain(apa(bylines([name], language))).split(' (2024')[0];
  test.each([
    ['Dr Jane Smith', undefined, 'Smith, J.'],
    ['DR. JANE SMITH', undefined, 'SMITH, J.'],
    ['Prof. Dr. med. Hans Müller', 'de', 'Müller, H.'],
    ['Mrs Ada Lovelace', undefined, 'Lovelace, A.'],
    ['Ms. Ana Ruiz', undefined, 'Ruiz, A.'],
    ['The Rev. Jesse Jackson', undefined, 'Jackson, J.'],
    ['Rev. Martin Luther King Jr.', undefined, 'King, M. L., Jr.'],
    ['The Rt. Hon. Jane Smith', undefined, 'Smith, J.'],
    ['The Hon Mary Jones', undefined, 'Jones, M.'],
    ['Rt Hon Ed Davey MP', undefined, 'Davey, E.'],
    ['Hon. Ann Lee', undefined, 'Lee, A.'],
    ['Dame Judi Dench', undefined, 'Dench, J.'],
    ['Lord Jonathan Sumption', undefined, 'Sumption, J.'],
    ['Herr Hans Müller', 'de', 'Müller, H.'],
    ['Frau Dr. Anna Schmidt', 'de', 'Schmidt, A.'],
    ['Mme Marie Curie', 'fr', 'Curie, M.'],
    ['M. Jean Dupont', 'fr', 'Dupont, J.'],
    ['Sra. Ana García', 'es', 'García, A.'],
    ['Sr. Luis Ortega', 'es', 'Ortega, L.'],
    ['Dott.ssa Maria Rossi', 'it', 'Rossi, M.'],
    ['Sig. Mario Bianchi', 'it', 'Bianchi, M.'],
    ['Dhr. Jan de Vries', 'nl', 'de Vries, J.'],
    ['Jane Smith, PhD', undefined, 'Smith, J.'],
    ['Ann Lee MP', undefined, 'Lee, A.'],
  ])('%s (%s) -> %s', (name, language, expected) => {
    expect(apaName(name, language)).toBe(expected);
  });

  test.each([
    // "M." is an initial outside French.
    ['M. Scott Peck', undefined, 'Peck, M. S.'],
    ['M. K. Gandhi', undefined, 'Gandhi, M. K.'],
    // Words that are titles and names: kept before a single word (stage names, peers' titles).
    ['Lady Gaga', undefined, 'Lady Gaga.'],
    ['Lord Sumption', undefined, 'Lord Sumption.'],
    // Names that merely start like a title.
    ['Sig Hansen', undefined, 'Hansen, S.'],
    ['Hon Lam', undefined, 'Lam, H.'],
    ['Pastor Maldonado', undefined, 'Maldonado, P.'],
    ['Baron Davis', undefined, 'Davis, B.'],
    ['Drew Barrymore', undefined, 'Barrymore, D.'],
    ['Ms', undefined, 'Ms.'],
  ])('%s (%s) stays a name: %s', (name, language, expected) => {
    expect(apaName(name, language)).toBe(expected);
  });
});

/** Every style's author element of one byline: APA, MLA, Chicago, the BibTeX author field, CSL-JSON. */
function allStyles(name: string) {
  const f = bylines([name]);
  return {
    apa: plain(apa(f)).split(' (2024')[0],
    mla: plain(mla(f)).split(' “')[0],
    chicago: plain(chicago(f)).split(' “')[0],
    bibtex: /author = \{(.*)\},\n/.exec(bibtex(f, 'test/article'))?.[1],
    csl: cslAuthors(f),
  };
}

describe('an honorific before a single word: the whole is the name as written, in every style', () => {
  // One literal name, no initials: "Mr. T." (APA's one-name author ends with a period), "{Mr. T}".
  test.each([
    'Mr. T',
    'Dr. Dre',
    'Dr. Seuss',
    'Mr. Bean',
    'Mr. Smith',
    'Madame Curie',
    'Doctor Who',
    'Mister Rogers',
    'Lady Gaga',
    'Lord Byron',
    'Dame Edna',
    'Sir Mix-a-Lot',
    'Herr Doktor Weber',
  ])('%s', (name) => {
    expect(allStyles(name)).toEqual({
      apa: `${name}.`,
      mla: `${name}.`,
      chicago: `${name}.`,
      bibtex: `{${name}}`,
      csl: [{ literal: name }],
    });
  });
});

describe('titles the name parser knows that are given names here', () => {
  test('"Prince Rogers Nelson": Prince is his first given name', () => {
    expect(allStyles('Prince Rogers Nelson')).toEqual({
      apa: 'Nelson, P. R.',
      mla: 'Nelson, Prince Rogers.',
      chicago: 'Nelson, Prince Rogers.',
      bibtex: 'Nelson, Prince Rogers',
      csl: [{ given: 'Prince Rogers', family: 'Nelson' }],
    });
    expect(sortKey('Prince Rogers Nelson')).toBe('Nelson, Prince Rogers');
  });
  test.each([
    ['Major Lance Owens', 'Owens, Major Lance.', 'Owens, M. L.'],
    ['Deacon John Moore', 'Moore, Deacon John.', 'Moore, D. J.'],
    ['Count Basie Smith', 'Smith, Count Basie.', 'Smith, C. B.'],
  ])('%s -> MLA %s, APA %s', (name, mlaName, apaName) => {
    const styles = allStyles(name);
    expect(styles.mla).toBe(mlaName);
    expect(styles.apa).toBe(apaName);
  });
  // No name part of any of these bylines starts or ends with a space, and no citation has " ." or "  ".
  test.each([
    'Prince Rogers Nelson',
    'Sister Rosetta Tharpe',
    'Herr Klaus Meyer',
    'Prince Harry',
    'King Charles',
    'Judge Judy',
    'Colonel Tom Parker',
    'Captain Jack Sparrow',
    'Chief Keef Cozart',
  ])('%s: no stray spaces', (name) => {
    const styles = allStyles(name);
    for (const part of styles.csl.flatMap((n) => Object.values(n as Record<string, string>)))
      expect(part).toBe(part.trim());
    for (const text of [styles.apa, styles.mla, styles.chicago, styles.bibtex]) expect(text).not.toMatch(/ [.,}]|\s\s/);
  });
});

describe('"and" in a byline is never a name particle', () => {
  // A firm or a couple in one byline cannot be split into given and family names reliably:
  // the byline is cited as one literal name, as written, and BibTeX's braces keep its "and".
  test.each(['Ernst and Young', 'John and Jane Doe', 'Mary Jones and Co', 'Tom & Jerry Smith', 'Mr and Mrs Smith'])(
    '%s',
    (name) => {
      const bib = name.replace('&', '\\&');
      expect(allStyles(name)).toEqual({
        apa: `${name}.`,
        mla: `${name}.`,
        chicago: `${name}.`,
        bibtex: name.includes('&') ? `{${name.split('&')[0]}}{\\&}{${name.split('&')[1]}}` : `{${bib}}`,
        csl: [{ literal: name }],
      });
    },
  );
  test('two such bylines with a person: three names, none empty, in every style', () => {
    const f = bylines(['Ernst and Young', 'John and Jane Doe', 'Ann Lee']);
    expect(plain(apa(f))).toMatch(/^Ernst and Young, John and Jane Doe, & Lee, A\. \(2024/);
    expect(plain(chicago(f))).toMatch(/^Ernst and Young, John and Jane Doe, and Ann Lee\. “/);
    expect(bibtex(f, 'test/article')).toContain('author = {{Ernst and Young} and {John and Jane Doe} and Lee, Ann}');
  });
});

describe('chained honorifics all come off', () => {
  const apaName = (name: string, language?: string) => plain(apa(bylines([name], language))).split(' (2024')[0];
  test.each([
    ['Herr Doktor Hans Weber', 'de', 'Weber, H.'],
    ['Frau Professorin Eva Braun', 'de', 'Braun, E.'],
    ['Prof. Doktor Anna Schmidt', 'de', 'Schmidt, A.'],
    ['Mme la Docteure Claire Dubois', 'fr', 'Dubois, C.'],
    ['Monsieur le Professeur Jean Martin', 'fr', 'Martin, J.'],
  ])('%s (%s) -> %s', (name, language, expected) => {
    expect(apaName(name, language)).toBe(expected);
  });
});
