import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/content/problems.ts';
import { checkContent } from '../../src/content/check.ts';

// One entry of bad shape in a list (people, authors, topics, organizations, quotes) or one bad
// part of a group of fields (image, publishedInferred) is reported, and never hides the other
// problems of the same file: the checks across files still see every entry of good shape.

const GOOD = {
  'sources/the-hill.yaml': 'name: The Hill\nhomepage: https://thehill.com/\n',
  'people/jeff-sessions.yaml': 'name: Jeff Sessions\n',
  'people/dana-marks.yaml': 'name: Dana Marks\n',
};

/** Checks a content folder holding GOOD and `files`; one line per problem, paths relative to the folder. */
async function check(files: Record<string, string>): Promise<string[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'archive-bad-entries-'));
  for (const [rel, text] of Object.entries({ ...GOOD, ...files })) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  try {
    const { problems } = await checkContent(root);
    return problems
      .map((p) =>
        formatProblem({ ...p, file: path.relative(root, path.resolve(p.file)) }).replaceAll(root, '<content>'),
      )
      .sort();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** An article with good required fields and the extra front matter lines given. */
function article(lines: string, url = 'https://thehill.com/a', body = 'Body.\n'): string {
  return `---\ntitle: A title\nsource: the-hill\nurl: ${url}\npublished: 2018-09-11\ncaptured: 2019-07-20\n${lines}\n---\n\n${body}`;
}

const FILE = 'articles/2018/09/a.md';

/** The problem lines of FILE for one field path (exactly, or the field and its parts). */
function of(lines: string[], field: string): string[] {
  return lines.filter((l) => l.startsWith(`${FILE}: ${field}: `) || l.startsWith(`${FILE}: ${field}.`));
}

describe('one bad entry hides nothing', () => {
  test('people: a malformed entry is reported, and the unknown id and the repeat beside it still are', async () => {
    const lines = await check({
      [FILE]: article('people: [jeff-sessions, nobody, { id: 5 }, jeff-sessions, { ident: x }]'),
    });
    expect(of(lines, 'people.1')).toEqual([expect.stringContaining('people.1: "nobody" is not in people/')]);
    expect(of(lines, 'people.3')).toEqual([expect.stringContaining('people.3: names "jeff-sessions" again (people.0')]);
    expect(of(lines, 'people.2')).toEqual([expect.stringMatching(/people\.2\.id: must be .*Fix: .*people\//)]);
    expect(of(lines, 'people.4')).toEqual([
      expect.stringMatching(/people\.4\.id: is missing\. Fix: .*people\//),
      expect.stringContaining('people.4.ident: is not a known field'),
    ]);
    expect(lines.join('\n')).not.toContain('Invalid input');
    expect(lines).toHaveLength(5);
  });

  test('a misspelt key in a person entry, the image or publishedInferred is reported, not dropped', async () => {
    const lines = await check({
      [FILE]: article(
        'people: [{ id: jeff-sessions, rol: Attorney General }]\nimage: { alt: A photo, captoin: hi }\npublishedInferred: { latest: 2018-09-12, basys: x, basis: From the capture }',
      ),
    });
    expect(of(lines, 'people.0')).toEqual([
      expect.stringContaining('people.0.rol: is not a known field; did you mean `role`?'),
    ]);
    expect(of(lines, 'image')).toEqual([
      expect.stringContaining('image.captoin: is not a known field; did you mean `caption`?'),
    ]);
    expect(of(lines, 'publishedInferred')).toEqual([
      expect.stringContaining('publishedInferred.basys: is not a known field; did you mean `basis`?'),
    ]);
    expect(lines).toHaveLength(3);
  });

  test('people: an entry with a good id and a bad role has both checked', async () => {
    const lines = await check({ [FILE]: article('people: [{ id: nobody, role: "" }]') });
    expect(lines).toEqual([
      expect.stringContaining('people.0.id: "nobody" is not in people/'),
      expect.stringContaining('people.0.role: must not be empty'),
    ]);
  });

  test('topics: a malformed entry does not hide a repeated topic', async () => {
    const lines = await check({ [FILE]: article('topics: [Courts, { t: 1 }, courts, ""]') });
    expect(lines).toEqual([
      expect.stringMatching(/topics\.1: must be .*Fix: .*topic/),
      expect.stringContaining('topics.2: "courts" is the same topic as "Courts" (topics.0)'),
      expect.stringMatching(/topics\.3: must not be empty\. Fix: .*topic/),
    ]);
  });

  test('authors: a byline with an unknown key is named by its whole path, with the keys a byline may have', async () => {
    const lines = await check({
      [FILE]: article('authors: [Jane Roe, { name: Joe Bloggs, role: editor }, 5]\npeople: [nobody]'),
    });
    expect(lines).toEqual([
      expect.stringMatching(/authors\.1\.role: is not a known field.*Fix: .*name.*organization/),
      expect.stringMatching(/authors\.2: must be a name.*Fix: .*byline/),
      expect.stringContaining('people.0: "nobody" is not in people/'),
    ]);
  });

  test('authors: a misspelt key of a byline gets the nearest key of a byline, not of the front matter', async () => {
    const lines = await check({ [FILE]: article('authors: [{ name: Reuters, organisation: true }]') });
    expect(lines).toEqual([
      expect.stringContaining('authors.0.organisation: is not a known field; did you mean `organization`?'),
    ]);
  });

  test('organizations: a malformed entry gets a fix about organizations', async () => {
    const lines = await check({ [FILE]: article('organizations: [ACLU, [x]]\npeople: [nobody]') });
    expect(lines).toEqual([
      expect.stringMatching(/organizations\.1: must be .*Fix: .*organization/),
      expect.stringContaining('people.0: "nobody" is not in people/'),
    ]);
  });

  test('image: a bad credit hides neither the missing image file nor the missing alt text', async () => {
    const lines = await check({ [FILE]: article('image: { src: 2018/missing.jpg, credit: 5 }') });
    expect(lines).toEqual([
      expect.stringContaining('image.alt: needs alt text when src is given'),
      expect.stringContaining('image.credit: must be'),
      expect.stringContaining('image.src: "2018/missing.jpg" is not in'),
    ]);
  });

  test('publishedInferred: an empty basis does not hide a latest date before published', async () => {
    const lines = await check({ [FILE]: article('publishedInferred: { latest: 2018-09-01, basis: "" }') });
    expect(lines).toEqual([
      expect.stringContaining('publishedInferred.basis: must not be empty'),
      expect.stringContaining('publishedInferred.latest: is 2018-09-01, before published (2018-09-11)'),
    ]);
  });

  test('every file is reported in one run, each with its own bad entries and the problems beside them', async () => {
    const lines = await check({
      'articles/2018/09/a.md': article('people: [{ id: 5 }, nobody]\ntopics: [X, x, 7]'),
      'articles/2018/09/b.md': article(
        'authors: [[x]]\npeople: [jeff-sessions, jef-sessions]',
        'https://thehill.com/b',
      ),
      'articles/2018/09/c.md': article('people: [dana-marks, dana-marks, { role: judge }]', 'https://thehill.com/c'),
    });
    expect(lines).toEqual([
      expect.stringContaining('articles/2018/09/a.md: people.0.id: must be'),
      expect.stringContaining('articles/2018/09/a.md: people.1: "nobody" is not in people/'),
      expect.stringContaining('articles/2018/09/a.md: topics.1: "x" is the same topic as "X" (topics.0)'),
      expect.stringContaining('articles/2018/09/a.md: topics.2: must be'),
      expect.stringContaining('articles/2018/09/b.md: authors.0: must be a name'),
      expect.stringContaining(
        'articles/2018/09/b.md: people.1: "jef-sessions" is not in people/; did you mean `jeff-sessions`?',
      ),
      expect.stringContaining('articles/2018/09/c.md: people.1: names "dana-marks" again (people.0'),
      expect.stringContaining('articles/2018/09/c.md: people.2.id: is missing'),
    ]);
  });

  test('an earlier version with a bad entry still has its other problems reported', async () => {
    const lines = await check({
      [FILE]: article('people: [jeff-sessions]'),
      'versions/2018/09/a/20190101.md':
        '---\ntitle: An earlier title\ncaptured: 2019-01-01\ntopics: [Courts, courts, 5]\n---\n\nBody.\n',
    });
    expect(lines).toEqual([
      expect.stringContaining(
        'versions/2018/09/a/20190101.md: topics.1: "courts" is the same topic as "Courts" (topics.0)',
      ),
      expect.stringContaining('versions/2018/09/a/20190101.md: topics.2: must be'),
    ]);
  });

  test('a person file: a misspelt key of a link is named by its whole path, with the keys a link may have', async () => {
    const lines = await check({
      [FILE]: article(''),
      'people/ana-ruiz.yaml':
        'name: Ana Ruiz\nlinks: [{ labl: Home, url: https://example.org/ }, { lable: Home, url: https://example.org/ }]\n',
    });
    expect(lines).toEqual([
      expect.stringMatching(/people\/ana-ruiz\.yaml: links\.0\.label: is missing\. Fix: .*label: .*url: /),
      expect.stringContaining('people/ana-ruiz.yaml: links.0.labl: is not a known field; did you mean `label`?'),
      expect.stringMatching(/people\/ana-ruiz\.yaml: links\.1\.label: is missing/),
      expect.stringContaining(
        'people/ana-ruiz.yaml: links.1.lable: is not a known field. Fix: remove it or correct its spelling: links.1 may have `label`, `url`',
      ),
    ]);
  });
});

describe('an entry or field written with nothing after it', () => {
  test('is called empty, with the fix for its field, not "Invalid input" or "null"', async () => {
    const lines = await check({
      [FILE]: article('people:\n  -\n  - jeff-sessions\ntopics:\n  - libraries\n  -\nauthors: [~]').replace(
        'source: the-hill',
        'source:',
      ),
    });
    expect(of(lines, 'people.0')).toEqual([
      expect.stringMatching(
        /people\.0: is an empty entry \(a `-` with nothing after it\)\. Fix: remove the empty `-` line.*people\//,
      ),
    ]);
    expect(of(lines, 'topics.1')).toEqual([expect.stringContaining('topics.1: is an empty entry')]);
    expect(of(lines, 'authors.0')).toEqual([expect.stringContaining('authors.0: is an empty entry')]);
    expect(of(lines, 'source')).toEqual([
      expect.stringMatching(/source: is empty \(nothing after its colon\)\. Fix: use the id/),
    ]);
    expect(lines.join('\n')).not.toMatch(/Invalid input|null/);
  });
});
