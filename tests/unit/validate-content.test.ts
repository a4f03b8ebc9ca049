import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/content/problems.ts';
import { checkContent } from '../../src/content/check.ts';
import { idFromPath } from '../../src/content/slug.ts';

// The messages a user sees for good and bad content, all reported in one run.

const GOOD = {
  'sources/the-hill.yaml': 'name: The Hill\nhomepage: https://thehill.com/\n',
  'people/jeff-sessions.yaml': 'name: Jeff Sessions\naliases: [Sessions]\ndescription: Attorney General.\n',
  'articles/2018/09/good.md':
    '---\ntitle: A good article\nsource: the-hill\nurl: https://thehill.com/a\npublished: 2018-09-10\ncaptured: 2019-07-20\npeople: [jeff-sessions]\n---\n\nBody.\n',
};

/** Writes files into a fresh content folder and checks it; returns one line per problem. */
async function check(files: Record<string, string | Buffer>): Promise<string[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'archive-check-'));
  for (const [rel, text] of Object.entries({ ...GOOD, ...files })) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  try {
    const { problems } = await checkContent(root);
    // Paths in messages start with the real content folder, shown here as <content>.
    return problems.map((p) =>
      formatProblem({ ...p, file: path.relative(root, path.resolve(p.file)) }).replaceAll(root, '<content>'),
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** An article file with the good frontmatter, some fields replaced or removed (value undefined). */
function article(changes: Record<string, string | undefined>, body = 'Body.\n'): string {
  const fields: Record<string, string | undefined> = {
    title: 'A title',
    source: 'the-hill',
    url: 'https://thehill.com/b',
    published: '2018-09-11',
    captured: '2019-07-20',
    ...changes,
  };
  const yaml = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\n---\n\n${body}`;
}

describe('content checker', () => {
  test('a good archive has no problems', async () => {
    expect(await check({})).toEqual([]);
  });

  test.each([
    [{ title: undefined }, 'title: is missing. Fix: give the headline as `title: ...`'],
    [{ title: '""' }, 'title: must not be empty'],
    [
      { published: '2018-02-30' },
      'published: "2018-02-30" is not a real date: 2018-02 has 28 days. Fix: write the date as YYYY-MM-DD',
    ],
    [{ published: 'yesterday' }, 'published: "yesterday" is not a date in the form YYYY-MM-DD'],
    [{ published: '2999-01-01' }, 'published: is in the future'],
    [{ source: 'the-times' }, 'source: "the-times" is not in sources/. Fix: use the id of a file in sources/'],
    [{ people: '[jeff-sessions, nobody]' }, 'people.1: "nobody" is not in people/'],
    [{ url: 'ftp://thehill.com/x' }, 'url: must be a full http(s) URL'],
    [{ colour: 'red' }, 'colour: is not a known field. Fix: remove it or correct its spelling'],
    [{ language: 'en-US-US' }, 'language: must be a language tag such as en, pt-BR or pa-Arab'],
    [{ language: 'english' }, 'language: must be a language tag such as en, pt-BR or pa-Arab'],
    [{ title: 'Colon: in: title' }, 'frontmatter: is not valid YAML (line 2)'],
  ])('reports %o', async (changes, message) => {
    const lines = await check({ 'articles/2018/09/bad.md': article(changes) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`articles/2018/09/bad.md: ${message}`);
  });

  test('an empty body, a missing frontmatter, a non-UTF-8 file and a stray file are each reported', async () => {
    const lines = await check({
      'articles/a/empty.md': article({}, '\n'),
      'articles/a/nofront.md': 'Just text.\n',
      'articles/a/latin1.md': Buffer.from(article({ title: 'Caf\xe9' }), 'latin1'),
      'articles/a/notes.txt': 'notes',
    });
    expect(lines.join('\n')).toMatch(/empty\.md: body: is empty/);
    expect(lines.join('\n')).toMatch(/nofront\.md: frontmatter: is missing/);
    expect(lines.join('\n')).toMatch(/latin1\.md: file: is not UTF-8 text/);
    expect(lines.join('\n')).toMatch(/notes\.txt: file: is not read: only \.md files belong here/);
    expect(lines).toHaveLength(4);
  });

  test('two articles with the same original URL, and two files with the same id, are reported on both', async () => {
    const lines = await check({
      'articles/x/one.md': article({ url: 'https://thehill.com/same' }),
      'articles/x/two.md': article({ url: 'https://thehill.com/same' }),
      'people/Jeff-Sessions.yml': 'name: Jeff\ndescription: Duplicate.\n',
    });
    expect(
      lines.filter((l) => l.includes('url: the original URL "https://thehill.com/same" is also used by')),
    ).toHaveLength(2);
    expect(lines.filter((l) => l.includes('file: the id "jeff-sessions" is also used by'))).toHaveLength(2);
  });

  test('languages with a script subtag are accepted', async () => {
    expect(
      await check({
        'articles/x/pa.md': article({ language: 'pa-Arab', url: 'https://thehill.com/pa' }),
        'articles/x/uz.md': article({ language: 'uz-Cyrl', url: 'https://thehill.com/uz' }),
      }),
    ).toEqual([]);
  });

  test('a byte-order mark and Windows line endings are accepted', async () => {
    expect(await check({ 'articles/x/bom.md': `\uFEFF${article({}).replace(/\n/g, '\r\n')}` })).toEqual([]);
  });

  test('several bad files are all reported in one run', async () => {
    const lines = await check({
      'articles/x/a.md': article({ title: undefined, url: 'https://thehill.com/a1' }),
      'articles/x/b.md': article({ published: '2018-02-30', url: 'https://thehill.com/b1' }),
      'articles/x/c.md': article({ source: 'nowhere', url: 'https://thehill.com/c1' }),
    });
    expect(lines.map((l) => l.split(':')[0])).toEqual(['articles/x/a.md', 'articles/x/b.md', 'articles/x/c.md']);
  });
});

test('an image or capture named in frontmatter must exist in the content folder', async () => {
  const lines = await check({
    'articles/x/img.md': article({ image: '{ src: 2018/photo.jpg, alt: A photo }', capture: 'x/missing.txt' }),
  });
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/img\.md: image\.src: "2018\/photo\.jpg" is not in .*media/);
  expect(lines[1]).toMatch(/img\.md: capture: "x\/missing\.txt" is not in .*captures/);
});

describe('every problem in one run, in words a newcomer can act on', () => {
  test('a file with five mistakes gets all five reported at once', async () => {
    const lines = await check({
      'articles/2018/09/five.md': article({
        url: 'thehill.com/homenews/x',
        authors: 'John Smith',
        published: '2031-05-01',
        source: 'the-hil',
        people: '[jeff-sesions]',
      }),
    });
    expect(lines).toHaveLength(5);
    const text = lines.join('\n');
    expect(text).toContain('url: "thehill.com/homenews/x" has no scheme');
    expect(text).toContain('Fix: write `url: https://thehill.com/homenews/x`');
    expect(text).toContain('authors: is a single value (John Smith), but must be a list');
    expect(text).toContain('`authors: [John Smith]`');
    expect(text).not.toContain('Invalid input');
    expect(text).toMatch(/published: is in the future: 2031-05-01 is after today, \d{4}-\d{2}-\d{2}\./);
    expect(text).toContain('source: "the-hil" is not in sources/; did you mean `the-hill`?');
    expect(text).toContain('people.0: "jeff-sesions" is not in people/; did you mean `jeff-sessions`?');
  });

  test('a misspelt field name is answered with the nearest real one', async () => {
    const lines = await check({ 'articles/2018/09/bad.md': article({ autors: '[Someone]' }) });
    expect(lines).toEqual([
      'articles/2018/09/bad.md: autors: is not a known field; did you mean `authors`? Fix: rename it to `authors`',
    ]);
  });

  test('a reference with no near match gets no guess', async () => {
    const lines = await check({ 'articles/2018/09/bad.md': article({ source: 'the-times' }) });
    expect(lines[0]).not.toContain('did you mean');
  });
});

describe('addresses', () => {
  test('a file in a month folder its date does not belong to is reported, with the move that fixes it', async () => {
    const lines = await check({ 'articles/2019/03/x.md': article({ published: '2019-05-05' }) });
    expect(lines).toEqual([
      'articles/2019/03/x.md: published: is 2019-05-05, but the file is in articles/2019/03/, so its address promises March 2019. Fix: move the file to <content>/articles/2019/05/x.md (or correct the date)',
    ]);
  });

  test('the folder is compared with the calendar day in the original offset', async () => {
    // Captured after it was published (the fixture's usual capture, 2019-07-20, is earlier).
    const nye = { published: '2019-12-31T21:15-05:00', captured: '2020-01-02' };
    expect(await check({ 'articles/2019/12/nye.md': article(nye) })).toEqual([]);
    const lines = await check({ 'articles/2020/01/nye.md': article(nye) });
    expect(lines[0]).toContain('move the file to <content>/articles/2019/12/nye.md');
  });

  test('a year folder is checked too; folders that are not dates promise nothing', async () => {
    expect((await check({ 'articles/2017/x.md': article({}) }))[0]).toContain('promises 2017');
    expect(await check({ 'articles/opinion/x.md': article({}) })).toEqual([]);
    expect(await check({ 'articles/2018/13/x.md': article({}) })).toEqual([]);
  });

  test('a file name with no letters or digits is refused, with a name made from the headline', async () => {
    const lines = await check({ 'articles/2018/09/🎉.md': article({ title: 'Party time in the city' }) });
    expect(lines).toEqual([
      'articles/2018/09/🎉.md: file: has a name that gives no address: "🎉" has no letters or digits to make one from. Fix: rename it with letters or digits, e.g. 2018/09/party-time-in-the-city.md',
    ]);
  });

  test('checks across files see invalid files too: a shared URL is reported with the field problem', async () => {
    const lines = await check({
      'articles/x/one.md': article({ title: undefined, url: 'https://thehill.com/same' }),
      'articles/x/two.md': article({ url: 'https://thehill.com/same' }),
    });
    expect(lines.filter((l) => l.includes('is also used by'))).toHaveLength(2);
    expect(lines.some((l) => l.includes('one.md: title: is missing'))).toBe(true);
  });

  test('two files that give the same address are both reported', async () => {
    const lines = await check({
      'articles/2018/09/Big News.md': article({ url: 'https://thehill.com/1' }),
      'articles/2018/09/big-news.md': article({ url: 'https://thehill.com/2' }),
    });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('/articles/2018/09/big-news/');
  });
});

test("a capture's SHA-256 must be the hash of its bytes, as the article page shows it", async () => {
  const bytes = 'the verbatim capture\n';
  const right = createHash('sha256').update(bytes).digest('hex');
  const wrong = createHash('sha256').update('another file').digest('hex');
  const files = (sha: string) => ({
    'captures/x/copy.txt': bytes,
    'articles/x/c.md': article({ capture: 'x/copy.txt', captureSha256: sha }),
  });
  expect(await check(files(right))).toEqual([]);
  expect(await check(files(wrong))).toEqual([
    `articles/x/c.md: captureSha256: is ${wrong}, but the SHA-256 of captures/x/copy.txt is ${right}: the capture is not the file that was hashed. Fix: restore the original capture; or, if this capture is the right one, write captureSha256: ${right}`,
  ]);
});

describe('path tricks', () => {
  test('a slug field cannot move an article: it is refused', async () => {
    const lines = await check({ 'articles/x/a.md': article({ slug: '../../../etc/passwd' }) });
    expect(lines).toEqual([expect.stringContaining('articles/x/a.md: slug: is not a known field')]);
  });

  test('ids come from file paths, reduced to safe segments', () => {
    expect(idFromPath('2018/09/..%2F..%2Fevil.md')).toBe('2018/09/2f-2fevil');
    expect(idFromPath('2018\\09\\Über Café.md')).toBe('2018/09/uber-cafe');
    expect(idFromPath('../../x.md')).toBe('x');
  });
});

describe('the content folder itself', () => {
  test('a content folder that does not exist is a problem naming it and ARCHIVE_CONTENT_DIR, not an empty archive', async () => {
    const missing = path.join(tmpdir(), 'archive-check-no-such-folder', 'content');
    const { problems, counts } = await checkContent(missing);
    expect(counts.articles).toBe(0);
    expect(problems.map(formatProblem)).toEqual([
      `${missing}: folder: content folder ${missing} does not exist. Fix: set ARCHIVE_CONTENT_DIR to the archive's content folder (the folder that holds articles/, people/ and sources/), or unset it to use ./content`,
    ]);
  });

  test('a content folder without an articles/ folder is a problem naming the missing folder', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'archive-check-'));
    try {
      await mkdir(path.join(root, 'sources'));
      await writeFile(path.join(root, 'sources/the-hill.yaml'), 'name: The Hill\nhomepage: https://thehill.com/\n');
      const { problems } = await checkContent(root);
      expect(problems.map(formatProblem)).toEqual([
        `${path.join(root, 'articles')}: folder: does not exist, so the archive has no articles. Fix: create ${path.join(root, 'articles')} and put the articles in it, or set ARCHIVE_CONTENT_DIR to the archive's content folder`,
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

test('messages name the real content folder, wherever ARCHIVE_CONTENT_DIR points, never a default content/', async () => {
  // The scratch folder is not called content: every path a message gives must start with it
  // (shown as <content> by check()).
  const lines = await check({
    'articles/2019/03/x.md': article({ published: '2019-05-05', people: '[jeff-sesions, nobody-at-all]' }),
    'versions/2018/09/gone/20180911.md': '---\ntitle: T\ncaptured: 2018-09-11\n---\n\nText.\n',
    'versions/2018/09/goof/20180911.md': '---\ntitle: T\ncaptured: 2018-09-11\n---\n\nText.\n',
    'versions/20180912.md': '---\ntitle: T\ncaptured: 2018-09-12\n---\n\nText.\n',
  });
  expect(lines).toHaveLength(6);
  for (const line of lines) expect(line).not.toMatch(/(^|[\s(])content\//);
  const root = '<content>';
  expect(lines.join('\n')).toContain(`move the file to ${root}/articles/2019/05/x.md`);
  expect(lines.join('\n')).toContain(`(${root}/articles/2018/09/gone.md)`);
  expect(lines.join('\n')).toContain(`move it to ${root}/versions/2018/09/good/`);
  expect(lines.join('\n')).toContain(`a version belongs in ${root}/versions/<article id>/`);
  expect(lines.join('\n')).toContain(`or add ${root}/people/nobody-at-all.yaml`);
});
