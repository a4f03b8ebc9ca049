import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyReview, parseReviewLines, writeReview } from '../../src/import/people-review.ts';
import { candidateNames } from '../../src/import/people.ts';
import { ArchiveFiles } from '../../src/import/write.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// A name is a few words inside one sentence: never across a full stop, a paragraph break or a
// line break. The review file holds one name per line, and one bad line never stops the others.

const options = { dryRun: false, force: false, addPeople: true, maxBytes: 20_000_000, given: {} };

describe('names never span a sentence end, a paragraph break or a line break', () => {
  test.each([
    ['sagte der Vorsitzende Thomas Brandl.\n\nDer Mieterverein begrüßte den Beschluss.', 'Thomas Brandl'],
    ['sagte der Vorsitzende Thomas Brandl.\n\nDie Grünen begrüßten den Beschluss.', 'Thomas Brandl'],
    ['said Mayor Helen Marsh. Van Oord Dredging won the contract.', 'Helen Marsh'],
    ['said Mayor Helen Marsh\nPortmouth Harbour Board met on Monday.', 'Helen Marsh'],
    ['said Senator Ray Duncan. De Beers announced a cut.', 'Ray Duncan'],
    ['a été saluée par le maire Pierre Vautrin.\n\nLe Conseil a voté.', 'Pierre Vautrin'],
  ])('%j', (text, name) => {
    const names = candidateNames(text);
    expect(names).toContain(name);
    for (const n of names) expect(n).not.toMatch(/[\n|]|\p{Ll}\.\s/u);
  });

  test.each([
    ['Mrs. Jane Whitfield said on Monday that the plan was dead.', 'Jane Whitfield'],
    ['Sen. Mitch McConnell told reporters on Tuesday that he disagreed.', 'Mitch McConnell'],
    ['Prof. Anna Berger erklärte, das Programm sei zu klein.', 'Anna Berger'],
  ])('a full stop after a title ends no sentence: %j', (text, name) => {
    expect(candidateNames(text)).toContain(name);
  });

  test.each([
    'Der Mieterverein sagte, die Quote sei zu niedrig.',
    'Die Grünen sagte die Sprecherin nichts.',
    'Van Oord Dredging said the work would start in May.',
    'De Beers said prices would fall.',
    'Der Mieterbund erklärte, man sei zufrieden.',
  ])('an organization is not a person: %j', (text) => {
    expect(candidateNames(text)).toEqual([]);
  });
});

describe('the review file holds one name per line', () => {
  test('a saved page ending a paragraph on a surname proposes only the name, and the review applies', async () => {
    const { root, inbox } = await scratchArchive('archive-boundary-');
    const page = path.join(inbox, 'page.html');
    await writeFile(page, await readFile('tests/fixtures/people-review/sentence-end-name.html'));
    const summary = await importAll([page], root, options);
    const review = await readFile(summary.reviewFile!, 'utf8');
    const lines = review.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual(['drop | Thomas Brandl | in: 2023/05/stadt-baut-wohnungen.md']);
    await writeFile(summary.reviewFile!, review.replace('drop | Thomas', 'keep | Thomas'));
    const done = await applyReview(summary.reviewFile!, root);
    expect(done.problems).toEqual([]);
    expect(done.added.map((p) => p.name)).toEqual(['Thomas Brandl']);
  }, 60_000);

  test('the writer never writes a name with a line break or a "|"', async () => {
    const { root } = await scratchArchive('archive-boundary-');
    const file = path.join(root, 'people-review.txt');
    const written = await writeReview(
      file,
      root,
      new Map([
        ['Thomas Brandl.\n\nDer Mieterverein', new Set(['a.md'])],
        ['Anna | Berg', new Set(['a.md'])],
        ['Eva Lindner', new Set(['a.md'])],
      ]),
      new ArchiveFiles(false),
    );
    const lines = (await readFile(written.file, 'utf8')).split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual(['drop | Eva Lindner | in: a.md']);
    expect(written.refused?.sort()).toEqual(['Anna | Berg', 'Thomas Brandl.\n\nDer Mieterverein']);
  });

  test('a bad line is reported and every other line still applies; --add-people keeps the file', async () => {
    const { root } = await scratchArchive('archive-boundary-');
    await mkdir(path.join(root, 'articles'), { recursive: true });
    await writeFile(
      path.join(root, 'articles', 'a.md'),
      '---\ntitle: A\nsource: s\nurl: https://x.example/a\npublished: 2023-05-10\nauthors: []\npeople: []\ntopics: []\nlanguage: de\n---\n\nEva Lindner sagte etwas.\n',
    );
    const file = path.join(root, 'people-review.txt');
    await writeFile(
      file,
      `# content folder: ${path.resolve(root)}\nkeep | Eva Lindner | in: a.md\ndrop | Thomas Brandl.\n\nDer Mieterverein | in: a.md\n`,
    );
    const { lines, problems } = parseReviewLines(await readFile(file, 'utf8'), file);
    expect(lines.map((l) => l.name)).toEqual(['Eva Lindner']);
    expect(problems).toHaveLength(2);
    expect(problems[0]!.problem).toMatch(/line 3: .*Thomas Brandl\./);
    const done = await applyReview(file, root);
    expect(done.added.map((p) => p.name)).toEqual(['Eva Lindner']);
    expect(done.problems.join('\n')).toMatch(/line 5/);
    const again = await writeReview(file, root, new Map([['Anna Berg', new Set(['a.md'])]]), new ArchiveFiles(false));
    expect(again.file).toBe(file);
    expect(again.instead).toBeUndefined();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('added | Eva Lindner | in: a.md');
    expect(text).toContain('drop | Anna Berg | in: a.md');
    // The lines it cannot read stay in the file, as the editor wrote them.
    expect(text).toContain('drop | Thomas Brandl.\n');
    expect(text).toContain('Der Mieterverein | in: a.md\n');
  });
});
