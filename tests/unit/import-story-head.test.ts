import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { importAll } from '../../src/import/run.ts';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { parseHtmlFragment, treeToMarkdown } from '../../src/import/markdown.ts';

// The story's head (headline, byline, date) printed as lines of one block above the first
// paragraph, as pages laid out before CSS print it, is not body text: the headline is the title,
// the byline and date go to the front matter when the page's tags do not give them. A link bar of
// the site's sections and page tools under the story stays out. Page: tests/fixtures/import-cases/story-head-in-layout-table/.

const PAGE = path.resolve('tests/fixtures/import-cases/story-head-in-layout-table/table-2000.html');
const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function importHtml(html: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'archive-head-'));
  scratch.push(dir);
  const root = path.join(dir, 'content');
  for (const sub of ['articles', 'people', 'sources']) await mkdir(path.join(root, sub), { recursive: true });
  const file = path.join(dir, 'page.html');
  await writeFile(file, html);
  const run = await importAll([file], root, options);
  const outcome = run.outcomes[0]!;
  const parts = splitFrontmatter(await readFile(outcome.article!, 'utf8'))!;
  return { outcome, data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body.trim() };
}

/** Imports a saved page as it is on disk (its own charset), into a fresh archive. */
async function importFixture(file: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'archive-head-'));
  scratch.push(dir);
  const root = path.join(dir, 'content');
  for (const sub of ['articles', 'people', 'sources']) await mkdir(path.join(root, sub), { recursive: true });
  const run = await importAll([file], root, options);
  const parts = splitFrontmatter(await readFile(run.outcomes[0]!.article!, 'utf8'))!;
  return { data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body.trim() };
}

const ctx = { title: 'Council passes budget', siteName: 'Valley Gazette' };
const clean = (html: string) => {
  const { markdown, report } = treeToMarkdown(parseHtmlFragment(html), ctx, 'https://gazette.example/2000/03/x.html');
  return { markdown: markdown.trim(), removed: report.removed };
};
const PARA = 'The council voted on Tuesday night to approve the budget after a long debate over school funding.';

describe("the story's head printed in the body", () => {
  test('the layout-table page of 2000: body starts with the first paragraph and ends with the last', async () => {
    const { data, body } = await importHtml(await readFile(PAGE, 'utf8'));
    expect(data.title).toBe('Council passes budget');
    expect(body.startsWith('Paragraph 1 of the old story')).toBe(true);
    expect(body.endsWith('teacher salaries through the end of the year.')).toBe(true);
    expect(body).not.toMatch(/Council passes budget|Bob Smith|March 14, 2000|E-mail this story|Sports/);
    // The paragraph that is all link stays.
    expect(body).toContain('On Wednesday, the mayor, 58');
  });

  test('without the page tags, the byline and date printed in the head fill the front matter', async () => {
    const html = (await readFile(PAGE, 'utf8')).replace(/<meta name="(?:date|author)"[^>]*>/g, '');
    const { data, body } = await importHtml(html);
    expect(data.authors).toEqual(['Bob Smith']);
    expect(data.published).toBe('2000-03-14');
    expect(body).not.toMatch(/Bob Smith|March 14, 2000/);
  });

  test.each([
    [
      'one paragraph holding head and text',
      `<p><b>Council passes budget</b><br>By Jane Doe<br>March 3, 2001<br>${PARA}</p>`,
    ],
    [
      'a German head in a <font> around the paragraphs',
      `<div><font><font size="4"><b>Council passes budget</b></font><br>Von Eva Ruf, Korrespondentin<br>12. März 2002<p>${PARA}</p></font></div>`,
    ],
    [
      'a byline over a job line',
      `<div><b>Council passes budget</b><br>Par Anne Roy<br>Envoyée spéciale<p>${PARA}</p></div>`,
    ],
    [
      'a head in a table cell',
      `<table><tr><td><b>Council passes budget</b><br>By Jane Doe, Staff Writer<br>${PARA}</td></tr></table>`,
    ],
  ])('%s: only the paragraph stays', (_name, html) => {
    const { markdown, removed } = clean(html);
    expect(
      markdown
        .replace(/\|/g, '')
        .replace(/[-\s]+/g, ' ')
        .trim(),
    ).toContain(PARA);
    expect(markdown).not.toMatch(/Council passes|Jane Doe|Eva Ruf|Anne Roy|Envoy|März|March/);
    expect(removed.every((r) => r.head)).toBe(true);
  });

  test('a labelled date line in the head ("Published:", "Updated:", a weekday) fills the front matter; an ambiguous one is reported', async () => {
    const DIR = path.dirname(PAGE);
    const cases: [string, Record<string, string | undefined>][] = [
      ['head-date-published-label.html', { published: '1998-06-01' }],
      ['head-date-published-weekday.html', { published: '1998-06-02' }],
      ['head-date-updated-label.html', { updated: '1998-06-01' }],
    ];
    for (const [name, want] of cases) {
      const { data, body } = await importHtml(await readFile(path.join(DIR, name), 'utf8'));
      for (const [field, value] of Object.entries(want)) expect(data[field], `${name} ${field}`).toBe(value);
      expect(body, name).not.toMatch(/^(?:Published|Updated)/m);
    }
    // "06/01/98", "Posted: 06/01/1998 10:15 PM EDT": June 1 or January 6; the report says the date was seen.
    for (const [name, line] of [
      ['head-date-numeric-2digit.html', '06/01/98'],
      ['head-date-posted-time-zone.html', 'Posted: 06/01/1998 10:15 PM EDT'],
    ]) {
      const { data, outcome } = await importHtml(await readFile(path.join(DIR, name!), 'utf8'));
      expect(data.published, name).toBeUndefined();
      expect(outcome.notes?.join(' '), name).toContain(
        `a date is printed above the first paragraph (“${line}”) but not read`,
      );
    }
    // One number above 12 settles the order.
    const page = (await readFile(path.join(DIR, 'head-date-numeric-2digit.html'), 'utf8')).replace(
      '06/01/98',
      '06/13/98',
    );
    expect((await importHtml(page)).data.published).toBe('1998-06-13');
  });

  test('paragraphs set apart by <br><br> in <font>s: the head lines come off, not glued to the first paragraph', async () => {
    const DIR = path.dirname(PAGE);
    for (const name of ['br-paragraphs-weekday.html', 'br-paragraphs-plain.html', 'br-paragraphs-byline-date.html']) {
      const { data, body } = await importHtml(await readFile(path.join(DIR, name), 'utf8'));
      expect(body.split('\n')[0], name).toMatch(/^The county commission voted 4-1/);
      expect(body, name).toMatch(/\n\nBy 9 a\.m\., more than two hundred/);
      expect(body, name).not.toMatch(/1998|John Smith/);
      expect(data.published, name).toBe('1998-06-01');
      expect(data.authors, name).toEqual(['John Smith']);
    }
  });

  test('a desk line under the byline ("Redacción", "Redaktion") and a page-tools bar over the headline go with the head', async () => {
    const DIR = path.dirname(PAGE);
    for (const [name, first, published, author] of [
      ['head-staff-line-es.html', 'El pleno del ayuntamiento', '2001-04-12', 'Juan Pérez'],
      ['head-staff-line-de.html', 'Der Stadtrat hat am Montagabend', '2002-03-12', 'Claudia Berger'],
      ['head-tools-bar-above.html', 'The county commission voted', '1998-06-01', 'John Smith'],
    ] as const) {
      const { data, body } = await importFixture(path.join(DIR, name));
      expect(body.startsWith(first), `${name}: ${body.slice(0, 80)}`).toBe(true);
      expect(body, name).not.toMatch(/Redacci|Redaktion|Printer-friendly/);
      expect(data.published, name).toBe(published);
      expect(data.authors, name).toEqual([author]);
    }
  });

  test('lines below the first paragraph, and head-like lines that are prose, stay', () => {
    const letter = `<p>${PARA}</p><p>March 14, 2000<br>Dear editor, the budget leaves out the east ward again.</p>`;
    expect(clean(letter).markdown).toContain('March 14, 2000');
    const verse = `<p>By the river<br>the council met<br>${PARA}</p>`;
    expect(clean(verse).markdown).toContain('By the river');
  });
});

describe('a link bar under the story', () => {
  test.each([
    [
      'links to sections and a page tool',
      '<p><a href="/">Home</a> | <a href="/news/">News</a> | <a href="/sports/">Sports</a></p>',
    ],
    [
      'bracketed links',
      '<p>[ <a href="/">Home</a> ] [ <a href="/news/">News</a> ] [ <a href="/obits/">Obituaries</a> ]</p>',
    ],
    ['page tools', '<p><a href="/print/1">Printer-friendly version</a> | <a href="/email/1">E-mail this story</a></p>'],
    ['a bar whose relative links were lost with the address', '<p>Home • News • Sports • E-mail this story</p>'],
    [
      'French page tools',
      '<p><a href="/imprimer">Version imprimable</a> | <a href="/envoyer">Envoyer cet article</a></p>',
    ],
    [
      'Spanish page tools',
      '<p><a href="/imprimir">Versión para imprimir</a> | <a href="/enviar">Enviar por e-mail</a></p>',
    ],
    ['German page tools', '<p><a href="/druck">Druckversion</a> | <a href="/mail">Artikel versenden</a></p>'],
    ['Italian page tools', '<p><a href="/stampa">Versione stampabile</a> | <a href="/invia">Invia ad un amico</a></p>'],
    ['Portuguese page tools', '<p>Versão para impressão | Enviar por e-mail</p>'],
  ])('%s goes', (_name, bar) => {
    expect(clean(`<p>${PARA}</p>${bar}`).markdown).toBe(PARA);
  });

  test('a sentence naming a page tool is prose and stays', () => {
    const prose = '<p>La version imprimable du rapport, publiée mardi, compte 300 pages.</p>';
    expect(clean(`<p>${PARA}</p>${prose}`).markdown).toContain('La version imprimable du rapport');
  });
});
