import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { bibtex, type CitationFacts } from '../../src/site/citation.ts';
import { caseCitationFacts } from '../helpers/citation.ts';

// Case bibtex-special-characters: the BibTeX download is read by its real consumers, BibTeX and
// pdfLaTeX (Debian's texlive-latex-base, installed by .ci/run), not compared as a string. Every
// entry must compile in the case's own document (plain.bst), in a style that abbreviates given
// names (abbrv.bst, which cuts an accented initial's UTF-8 bytes in half unless it is written as
// a LaTeX accent) and in natbib's plainnat with hyperref, which prints the `url` field as a link:
// the link in the PDF must be the original address.

const CASE = path.resolve('tests/fixtures/cases/bibtex-special-characters');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** What compiling a document citing one entry gave: success, the log, the .bbl and the PDF's bytes. */
interface Compiled {
  ok: boolean;
  log: string;
  bbl: string;
  pdf: string;
}

/** Runs one TeX program in `dir`; its output is kept for the failure message. */
function run(dir: string, program: string, args: string[]): { status: number | null; output: string } {
  const r = spawnSync(program, args, { cwd: dir, encoding: 'latin1', timeout: 120_000 });
  if (r.error) throw new Error(`${program} could not run (apt-get install texlive-latex-base): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/**
 * Compiles `tex` (which cites the entry) with `bib` as refs.bib: pdflatex, bibtex, pdflatex
 * twice, as a user does; `ok` only when every step succeeds and no citation is left undefined.
 */
function compile(bib: string, tex: string): Compiled {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-bibtex-'));
  scratch.push(dir);
  writeFileSync(path.join(dir, 'refs.bib'), bib);
  writeFileSync(path.join(dir, 'doc.tex'), tex);
  const latex = ['-interaction=nonstopmode', '-halt-on-error', 'doc.tex'];
  const steps = [run(dir, 'pdflatex', latex), run(dir, 'bibtex', ['doc']), run(dir, 'pdflatex', latex)];
  steps.push(run(dir, 'pdflatex', latex));
  const read = (f: string) => {
    try {
      return readFileSync(path.join(dir, f), 'latin1');
    } catch {
      return '';
    }
  };
  const log = read('doc.log');
  const blg = read('doc.blg');
  const ok =
    steps.every((s) => s.status === 0) &&
    !/undefined|Error|Warning--/.test(`${log}\n${blg}`.replace(/^Package.*$/gm, ''));
  return { ok, log: `${steps.map((s) => s.output).join('\n')}\n${blg}`, bbl: read('doc.bbl'), pdf: read('doc.pdf') };
}

/** A document citing `key` in a bibliography style, with extra preamble lines. */
function document(key: string, style: string, preamble: string[] = []): string {
  return [
    '\\documentclass{article}',
    '\\usepackage[utf8]{inputenc}',
    '\\usepackage[T1]{fontenc}',
    ...preamble,
    '\\begin{document}',
    `See \\cite{${key}}.`,
    `\\bibliographystyle{${style}}`,
    '\\bibliography{refs}',
    '\\end{document}',
    '',
  ].join('\n');
}

/** The key of a BibTeX entry. */
const keyOf = (bib: string) => /@article\{([^,]+),/.exec(bib)![1]!;

/** The link targets (/URI) in an uncompressed PDF, with PDF string escapes undone. */
function pdfLinks(pdf: string): string[] {
  return [...pdf.matchAll(/\/URI\s*\(((?:\\.|[^\\)])*)\)/g)].map((m) =>
    m[1]!.replace(/\\([0-7]{1,3}|.)/g, (_, e: string) =>
      /^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : e,
    ),
  );
}

/** Citation facts for a made-up article. */
function facts(title: string, names: (string | { name: string; organization: boolean })[], url: string): CitationFacts {
  return {
    title,
    authors: names.map((n) => (typeof n === 'string' ? { name: n, organization: false } : n)),
    newspaper: 'Daily Planet & Co_Op',
    url,
    published: '2024-03-12',
    captured: '2024-03-13',
    archiveUrl: 'https://archive.example.org/articles/2024/03/rent_survey-100%/',
    archiveName: 'News Archive',
  };
}

/** Titles with every character LaTeX reserves, alone, together, unbalanced and looking like commands. */
const TITLES = [
  'Q&A: 40% of renters pay $1,500 – #RentStrike and the {new} C_2 rule',
  '& % $ # _ { } ~ ^ \\',
  'An unbalanced { brace',
  'An unbalanced } brace',
  'A command: \\textbf{bold} and \\end{document} and $x^2$',
  'Tilde ~user, caret a^b, backslash C:\\path\\file',
  '“Quotes” — dashes – and ½ fractions, « guillemets »',
];

/** Names with accents (initials included), particles, suffixes, honorifics, and an organization with specials. */
const NAMES = [
  'Émile Zola',
  'Łukasz Żółć',
  'Ödön von Horváth',
  'Jean de La Fontaine',
  'Anne van der Berg',
  'Robert Hale Jr.',
  'Íñigo Errejón',
  'Dr. Priya Raman',
  'Ægir Þórsson',
  { name: 'AT&T News_Desk #1 {100%}', organization: true },
];

/**
 * Names that start with a character LaTeX writes as a command, each with the label alpha.bst
 * makes of it as the only author (the first three characters of the family name, a command being
 * one, and the year's last two digits), as the .bbl writes it.
 */
const LABEL_NAMES: [string | { name: string; organization: boolean }, string][] = [
  [{ name: '~Tilde Media', organization: true }, '{\\textasciitilde}{Ti}24'],
  [{ name: '\\textbf Desk', organization: true }, '{\\textbackslash}{te}24'],
  [{ name: 'R&D {Team} 100% _x_', organization: true }, '{R}{\\&}{D}24'],
  [{ name: 'Łódź Press', organization: true }, "{\\L}{\\'{o}}{d}24"],
  [{ name: '#1 Desk', organization: true }, '{\\#}{1 }24'],
  ['a}b c{d', '{a}{\\textbraceright}{b}24'],
  ['Zoë ~Tilde', '{\\textasciitilde}Ti24'],
  ['Tom $ Cash', 'Cas24'],
  ['Ana $Cash', '{\\$}Ca24'],
  ['Hash #Tag', '{\\#}Ta24'],
  ['A.\\B. Back\\slash', 'Bac24'],
  ['Ana Ñúñez_Ortiz', "{\\~{N}}{\\'{u}}{\\~{n}}24"],
  ['Ernst and Young', '{Ern}24'],
];

/** Addresses with the characters LaTeX reserves; the link must be exactly this address. */
const URLS = [
  'https://planet.example.org/2024/03/rent-survey?id=12&ref=home_page',
  'https://planet.example.org/~user/a_b/50%25-off#section_2',
  'https://planet.example.org/search?q=a^b&x=$1',
];

test('braces, backslashes and spaces in an address are percent-encoded, the rest left as it is', () => {
  const bib = bibtex(facts('T', [], 'https://planet.example.org/{id}/a\\b c?x=%7E~_#f'), 'test/article');
  expect(bib).toContain('url = {https://planet.example.org/%7Bid%7D/a%5Cb%20c?x=%7E~_#f}');
});

test('the case entry compiles in the case’s own document', () => {
  return checkContent(path.join(CASE, 'content')).then(({ entries }) => {
    const bib = bibtex(caseCitationFacts(entries.articles[0]!), 'test/article');
    const tex = readFileSync(path.join(CASE, 'latex-test.tex'), 'utf8').replace('lee2024qa', keyOf(bib));
    const result = compile(bib, tex);
    expect(result.ok, result.log).toBe(true);
    const bbl = result.bbl.replace(/\s+/g, ' ');
    expect(bbl).toContain('Q\\&A: Why 40\\% of renters pay over \\$1,500');
    expect(bbl).toContain('the \\textbraceleft{}new\\textbraceright{} C\\_2 zoning rule');
  });
}, 120_000);

describe('every special character in titles, names and addresses', () => {
  for (const [i, title] of TITLES.entries())
    test(`title ${i + 1} compiles with plain.bst: ${title}`, () => {
      const bib = bibtex(facts(title, NAMES.slice(0, 3), URLS[0]!), 'test/article');
      const result = compile(bib, document(keyOf(bib), 'plain'));
      expect(result.ok, `${bib}\n${result.log}`).toBe(true);
    }, 120_000);

  test('names with accents, particles and suffixes compile in a style that abbreviates given names', () => {
    const bib = bibtex(facts(TITLES[0]!, NAMES, URLS[0]!), 'test/article');
    const result = compile(bib, document(keyOf(bib), 'abbrv'));
    expect(result.ok, `${bib}\n${result.log}`).toBe(true);
    // abbrv.bst: "F.~von Last"; an accented initial stays one letter, written as LaTeX's accent.
    expect(result.bbl).toContain("{\\'{E}}.~Zola");
    expect(result.bbl).toContain("{\\L}.~{\\.{Z}}{\\'{o}}{\\l}{\\'{c}}");
    expect(result.bbl).toContain('J.~de~La~Fontaine');
    expect(result.bbl).toContain('R.~Hale, Jr.');
    expect(result.bbl).toContain('P.~Raman');
    expect(result.bbl).not.toMatch(/Dr\./);
  }, 120_000);

  for (const [name, label] of LABEL_NAMES)
    test(`alpha.bst makes a label of ${JSON.stringify(name)}: ${label}`, () => {
      const bib = bibtex(facts(TITLES[0]!, [name], URLS[0]!), 'test/article');
      const result = compile(bib, document(keyOf(bib), 'alpha'));
      expect(result.ok, `${bib}\n${result.log}`).toBe(true);
      expect(result.bbl, bib).toContain(`\\bibitem[${label}]`);
    }, 120_000);

  test('all of these names in one entry compile in alpha.bst, plain.bst and abbrv.bst', () => {
    const bib = bibtex(facts(TITLES[0]!, [...LABEL_NAMES.map(([n]) => n), ...NAMES], URLS[0]!), 'test/article');
    for (const style of ['alpha', 'plain', 'abbrv']) {
      const result = compile(bib, document(keyOf(bib), style));
      expect(result.ok, `${style}\n${bib}\n${result.log}`).toBe(true);
    }
  }, 120_000);

  test('a byline joined with "and" stays one author: no empty name in the list', () => {
    const bib = bibtex(
      facts(TITLES[0]!, ['Ernst and Young', 'John and Jane Doe', 'Ann Lee'], URLS[0]!),
      'test/article',
    );
    const result = compile(bib, document(keyOf(bib), 'plain'));
    expect(result.ok, `${bib}\n${result.log}`).toBe(true);
    // plain.bst: "First von Last" joined by ", " and ", and ", a literal name as written.
    expect(result.bbl.replace(/\s+/g, ' ')).toContain('{Ernst and Young}, {John and Jane Doe}, and Ann Lee.');
  }, 120_000);

  test('suffixes, double surnames and particles print as BibTeX styles write them', () => {
    const people = [
      'Martin Luther King, Jr.',
      'John Smith III',
      'Ana Muñoz y Pérez',
      'Maria de Souza',
      'Jean Le Bœuf',
      'Mayor Sadiq Khan',
    ];
    const bib = bibtex({ ...facts(TITLES[0]!, people, URLS[0]!), language: 'pt' }, 'test/article');
    const bbl = (style: string) => {
      const result = compile(bib, document(keyOf(bib), style));
      expect(result.ok, `${style}\n${bib}\n${result.log}`).toBe(true);
      return result.bbl.replace(/\s+/g, ' ');
    };
    // plain.bst: "First von Last, Jr"; abbrv.bst: the given names as initials.
    const plainNames = bbl('plain');
    expect(plainNames).toContain('Martin~Luther King, Jr.');
    expect(plainNames).toContain('John Smith, III');
    expect(plainNames).toContain("Ana {Mu{\\~{n}}oz y P{\\'{e}}rez}");
    expect(plainNames).toContain('Maria de~Souza');
    expect(plainNames).toContain('Jean Le~B{\\oe}uf');
    expect(plainNames).toContain('Sadiq Khan');
    const abbrvNames = bbl('abbrv');
    expect(abbrvNames).toContain('M.~L. King, Jr.');
    expect(abbrvNames).toContain("A.~{Mu{\\~{n}}oz y P{\\'{e}}rez}");
    expect(abbrvNames).toContain('M.~de~Souza');
    expect(abbrvNames).toContain('J.~Le~B{\\oe}uf');
    expect(abbrvNames).toContain('S.~Khan');
  }, 120_000);

  for (const url of URLS)
    test(`the link in the PDF is the original address: ${url}`, () => {
      const bib = bibtex(facts(TITLES[1]!, NAMES.slice(0, 2), url), 'test/article');
      const tex = document(keyOf(bib), 'plainnat', [
        '\\pdfcompresslevel=0',
        '\\pdfobjcompresslevel=0',
        '\\usepackage{natbib}',
        '\\usepackage{hyperref}',
      ]);
      const result = compile(bib, tex);
      expect(result.ok, `${bib}\n${result.log}`).toBe(true);
      expect(pdfLinks(result.pdf)).toContain(url);
    }, 120_000);
});

// Keys across the archive: a reader gathers several downloads into one .bib, so two articles by
// one author in one year whose titles start alike, or two versions of one article, must not share
// a key (BibTeX keeps the first entry and reports "Repeated entry"). Expected keys are made here
// from the rule (family name, year, first title word, the first 6 hex digits of the SHA-256 of
// the article's id), with Node's crypto.
describe('keys are unique across the archive, stable, and ASCII', () => {
  const sha6 = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 6);
  const smith = (title: string) => facts(title, ['Jane Smith'], URLS[0]!);
  /** Articles (and a version of one) whose keys would collide without the id's part. */
  const colliding: [CitationFacts, string][] = [
    [smith('Council votes to close the harbour'), '2024/03/council-votes'],
    [smith('Council approves the budget'), '2024/05/council-budget'],
    [smith('Council approves the budget'), '2024/05/council-budget@20240601'],
    [{ ...smith('Council, again'), authors: [{ name: 'Jane Smith', organization: false }] }, '2024/07/council-again'],
  ];

  test('colliding articles’ downloads in one .bib: every entry kept, no "Repeated entry"', () => {
    const bibs = colliding.map(([f, id]) => bibtex(f, id));
    const keys = bibs.map(keyOf);
    const tex = document(keys.join(','), 'plain');
    const result = compile(bibs.join('\n'), tex);
    expect(result.log).not.toMatch(/Repeated entry/);
    expect(result.ok, `${bibs.join('\n')}\n${result.log}`).toBe(true);
    expect(result.bbl.match(/\\bibitem/g)).toHaveLength(colliding.length);
    for (const key of keys) expect(result.bbl).toContain(`\\bibitem{${key}}`);
    expect(keys).toEqual(colliding.map(([, id]) => `smith2024council-${sha6(id)}`));
  }, 120_000);

  test('the same article keeps its key, whatever else of the archive changes', () => {
    const [f, id] = colliding[0]!;
    const key = keyOf(bibtex(f, id));
    expect(keyOf(bibtex({ ...f }, id))).toBe(key);
    // A later capture, a moved site, another archive name: the key stays.
    expect(
      keyOf(
        bibtex({ ...f, captured: '2025-01-01', archiveUrl: 'https://elsewhere.example/a/', archiveName: 'Other' }, id),
      ),
    ).toBe(key);
    expect(key).toBe('smith2024council-' + sha6('2024/03/council-votes'));
  });

  test('names and titles in other scripts or with accents give distinctive ASCII keys that BibTeX reads', () => {
    const cases: [CitationFacts, string, RegExp][] = [
      [{ ...facts('市议会投票关闭港口', ['李娜'], URLS[0]!) }, '2024/03/市议会', /^dailyplanetcoop2024-[0-9a-f]{6}$/],
      [
        {
          ...facts('Совет голосует', [{ name: 'Новая газета', organization: true }], URLS[0]!),
          newspaper: 'Новая газета',
        },
        '2024/03/совет',
        /^2024-[0-9a-f]{6}$/,
      ],
      [facts('« Żółć » and the council', ['Łukasz Żółć'], URLS[0]!), '2024/03/zolc', /^zolc2024zolc-[0-9a-f]{6}$/],
      [
        facts('Straße wird gesperrt', ['Ægir Þórsson'], URLS[0]!),
        '2024/03/strasse',
        /^thorsson2024strasse-[0-9a-f]{6}$/,
      ],
    ];
    const bibs = cases.map(([f, id]) => bibtex(f, id));
    for (const [i, [, id, form]] of cases.entries()) {
      expect(keyOf(bibs[i]!)).toMatch(form);
      expect(keyOf(bibs[i]!).endsWith(sha6(id))).toBe(true);
    }
    // BibTeX reads every key (pdfLaTeX without support for Chinese or Cyrillic cannot print the
    // names and titles themselves, see the README, so only BibTeX's part is checked).
    const result = compile(bibs.join('\n'), document(bibs.map(keyOf).join(','), 'plain'));
    expect(result.log).not.toMatch(/Repeated entry|I was expecting|Illegal|error message/);
    for (const bib of bibs) expect(result.bbl).toContain(`\\bibitem{${keyOf(bib)}}`);
  }, 120_000);
});
