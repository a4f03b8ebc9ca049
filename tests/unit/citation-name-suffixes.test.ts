import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sortKey } from '../../src/content/names.ts';
import { checkContent } from '../../src/content/check.ts';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { cleanAuthors } from '../../src/import/names.ts';
import { importAll } from '../../src/import/run.ts';
import { authorInEveryStyle, caseCitationFacts } from '../helpers/citation.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';

// Generational suffixes (Jr., Sr., II, III) are part of the name: a byline keeps them as printed,
// dot included ("Martin Luther King Jr."; "Martin Luther King, Jr." keeps its suffix too), and
// every citation style gives them as CSL's `suffix` after the given names: APA "King, M. L.,
// Jr.", MLA and Chicago "King, Martin Luther, Jr.", BibTeX "King, Jr., Martin Luther" (its
// "von Last, Jr, First" form). Expected strings by hand; BibTeX compiled in bibtex-latex.test.ts.

const CASE = path.resolve('tests/fixtures/cases/citation-name-forms/content');
const names = caseCitationFacts((await checkContent(CASE)).entries.articles[0]!);

function allStyles(name: string) {
  return authorInEveryStyle(names, name);
}

describe('a suffix is the name’s suffix in every style', () => {
  test.each(['Martin Luther King Jr.', 'Martin Luther King, Jr.'])('%s', (name) => {
    expect(allStyles(name)).toEqual({
      apa: 'King, M. L., Jr.',
      mla: 'King, Martin Luther, Jr.',
      chicago: 'King, Martin Luther, Jr.',
      bibtex: 'King, Jr., Martin Luther',
      csl: [{ given: 'Martin Luther', family: 'King', suffix: 'Jr.' }],
    });
    expect(sortKey(name)).toBe('King, Martin Luther, Jr.');
  });

  test.each([
    ['John Smith III', 'Smith, J., III.', 'Smith, III, John', 'III'],
    ['Davis Love III', 'Love, D., III.', 'Love, III, Davis', 'III'],
    ['Jane Doe Sr.', 'Doe, J., Sr.', 'Doe, Sr., Jane', 'Sr.'],
    ['Ken Griffey Jr', 'Griffey, K., Jr.', 'Griffey, Jr, Ken', 'Jr'],
    ['Tom Brown Jnr', 'Brown, T., Jnr.', 'Brown, Jnr, Tom', 'Jnr'],
    ['Rev. Martin Luther King Jr.', 'King, M. L., Jr.', 'King, Jr., Martin Luther', 'Jr.'],
  ])('%s -> APA %s, BibTeX %s', (name, apaName, bib, suffix) => {
    // APA ends the author element with a period; a suffix's own dot is that period.
    const styles = allStyles(name);
    expect(styles.apa).toBe(apaName);
    expect(styles.bibtex).toBe(bib);
    expect(styles.csl).toEqual([expect.objectContaining({ suffix })]);
  });
});

describe('the importer keeps a suffix as printed', () => {
  test.each([
    [['Martin Luther King Jr.'], {}, ['Martin Luther King Jr.']],
    [['By Martin Luther King Jr.'], {}, ['Martin Luther King Jr.']],
    [['By Martin Luther King, Jr.'], {}, ['Martin Luther King Jr.']],
    [['MARTIN LUTHER KING JR.'], {}, ['Martin Luther King Jr.']],
    [['JOHN SMITH III'], {}, ['John Smith III']],
    [['Martin Luther King, Jr., and Ana Ruiz'], {}, ['Martin Luther King Jr.', 'Ana Ruiz']],
    [['Jane Doe Sr., Reuters'], {}, ['Jane Doe Sr.', 'Reuters']],
    [['King, Martin Luther, Jr.'], { citation: true }, ['Martin Luther King Jr.']],
    [['Martin Luther King, Jr.'], { citation: true }, ['Martin Luther King Jr.']],
    [['Doe, Jane'], { citation: true }, ['Jane Doe']],
  ])('%j %j -> %j', (bylines, opts, expected) => {
    expect(cleanAuthors(bylines, opts)).toEqual(expected);
  });

  test('a page whose byline is "Martin Luther King, Jr." cites him with his suffix', async () => {
    const { root, inbox } = await scratchArchive('archive-suffix-');
    const file = path.join(inbox, 'page.html');
    const html = newsPage({
      title: 'Letter from the harbour',
      paragraphs: paragraphsFor(7),
      url: 'https://news.example/letter',
      published: '2024-05-01',
      site: 'Example News',
      author: 'Martin Luther King, Jr.',
    });
    await writeFile(file, html);
    const run = await importAll([file], root, {
      dryRun: false,
      force: false,
      addPeople: false,
      maxBytes: 20_000_000,
      given: {},
    });
    const data = parseYaml(splitFrontmatter(await readFile(run.outcomes[0]!.article!, 'utf8'))!.yaml) as {
      authors: string[];
    };
    expect(data.authors).toEqual(['Martin Luther King Jr.']);
  });
});
