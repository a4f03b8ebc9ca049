import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/content/problems.ts';
import { checkContent } from '../../src/content/check.ts';
import { versionId } from '../../src/content/version-entries.ts';

// Version files (content/versions/<article id>/<version id>.md) as the checker sees them: every
// kind of mistake named with its file, field and fix, in one run, without stopping at the first.

const GOOD = {
  'sources/the-hill.yaml': 'name: The Hill\nhomepage: https://thehill.com/\n',
  'articles/2018/09/story.md':
    '---\ntitle: Newest headline\nsource: the-hill\nurl: https://thehill.com/a\npublished: 2018-09-10\ncaptured: 2026-11-27T10:15:00Z\n---\n\nLatest body.\n',
  'versions/2018/09/story/20180911.md': '---\ntitle: First headline\ncaptured: 2018-09-11\n---\n\nFirst body.\n',
};

/** Writes files into a fresh content folder and checks it; returns one line per problem, file paths relative to it. */
async function check(files: Record<string, string | Buffer | undefined>): Promise<string[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'archive-versions-'));
  for (const [rel, text] of Object.entries({ ...GOOD, ...files })) {
    if (text === undefined) continue;
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), text);
  }
  try {
    const { problems } = await checkContent(root);
    return problems
      .map((p) => formatProblem({ ...p, file: path.relative(root, path.resolve(p.file)) }))
      .map((line) => line.replaceAll(`${root}/`, ''));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** A version file with the given front matter lines. */
const version = (yaml: string, body = 'Text.\n') => `---\n${yaml}\n---\n\n${body}`;

describe('versionId', () => {
  test.each([
    ['2026-11-27T10:15:00Z', '20261127101500'],
    ['2026-11-27T11:15:00+01:00', '20261127101500'],
    ['2026-11-27T23:30-05:00', '20261128043000'],
    ['2026-11-27T10:15:00.999Z', '20261127101500'],
    ['2026-11-27', '20261127'],
  ])('%s -> %s', (captured, id) => {
    expect(versionId(captured)).toBe(id);
  });

  test('a text that is not a date is refused', () => {
    expect(() => versionId('yesterday')).toThrow(RangeError);
  });
});

describe('version files in the checker', () => {
  test('an article with a good earlier version has no problems', async () => {
    expect(await check({})).toEqual([]);
  });

  test('a version needs only title and captured; article-level fields may be copied along', async () => {
    const copied = version(
      'title: Middle headline\nsource: the-hill\nurl: https://thehill.com/a\npublished: 2018-09-10\ncaptured: 2019-01-02T03:04:05Z\ntopics: [courts]',
    );
    expect(await check({ 'versions/2018/09/story/20190102030405.md': copied })).toEqual([]);
  });

  test('a file named otherwise than its version id gets the right name', async () => {
    const lines = await check({
      'versions/2018/09/story/first.md': version('title: T\ncaptured: 2020-05-06T07:08:09Z'),
    });
    expect(lines).toEqual([
      'versions/2018/09/story/first.md: captured: is 2020-05-06T07:08:09Z, so the version id is 20200506070809, but the file is named first.md. Fix: rename the file to versions/2018/09/story/20200506070809.md (or correct captured)',
    ]);
  });

  test('a version of an article that does not exist names the nearest article', async () => {
    const lines = await check({ 'versions/2018/09/stroy/20180912.md': version('title: T\ncaptured: 2018-09-12') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      'versions/2018/09/stroy/20180912.md: file: is in versions/2018/09/stroy/, but there is no article',
    );
    expect(lines[0]).toContain('did you mean 2018/09/story?');
    expect(lines[0]).toContain('Fix: move it to versions/2018/09/story/');
  });

  test('a version outside an article folder is reported', async () => {
    const lines = await check({ 'versions/20180912.md': version('title: T\ncaptured: 2018-09-12') });
    expect(lines).toEqual([expect.stringContaining("versions/20180912.md: file: is not in an article's folder")]);
  });

  test('two captures at the same moment are each reported, the article file included', async () => {
    const lines = await check({
      // 11:15 at +01:00 is 10:15 UTC: the article file's own moment.
      'versions/2018/09/story/20261127101500.md': version('title: T\ncaptured: 2026-11-27T11:15:00+01:00'),
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(
      'versions/2018/09/story/20261127101500.md: captured: is 2026-11-27T11:15:00+01:00, the same capture moment (version id 20261127101500) as articles/2018/09/story.md',
    );
  });

  test('a version newer than the article file says to swap them', async () => {
    // After the article file's capture (2026-11-27T10:15:00Z), and not in the future.
    const lines = await check({ 'versions/2018/09/story/20261128.md': version('title: T\ncaptured: 2026-11-28') });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('captured: is 2026-11-28, later than the article file');
    expect(lines[0]).toContain(
      'Fix: swap them: move the article file articles/2018/09/story.md to versions/2018/09/story/20261127101500.md, and this file to articles/2018/09/story.md',
    );
  });

  test('schema problems name the field; only title and captured are required', async () => {
    const lines = await check({
      'versions/2018/09/story/20180912.md': version('dek: no title or capture date'),
      'versions/2018/09/story/20180913.md': version('title: T\ncaptured: 2018-09-13\ncolour: red'),
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('versions/2018/09/story/20180912.md: title: is missing'),
        expect.stringContaining('versions/2018/09/story/20180912.md: captured: is missing'),
        expect.stringContaining('versions/2018/09/story/20180913.md: colour: is not a known field'),
      ]),
    );
    expect(lines).toHaveLength(3);
  });

  test('a capture that is missing or does not match its hash is reported, as for articles', async () => {
    const bytes = '<html>capture</html>';
    const sha = createHash('sha256').update(bytes).digest('hex');
    const lines = await check({
      'captures/2018/09/story.20180912.html': bytes,
      'versions/2018/09/story/20180912.md': version(
        `title: T\ncaptured: 2018-09-12\ncapture: 2018/09/story.20180912.html\ncaptureSha256: ${sha.replace(/^./, (c) => (c === '0' ? '1' : '0'))}`,
      ),
      'versions/2018/09/story/20180913.md': version('title: T\ncaptured: 2018-09-13\ncapture: 2018/09/gone.html'),
    });
    expect(lines).toEqual([
      expect.stringContaining(`versions/2018/09/story/20180912.md: captureSha256: is `),
      expect.stringContaining('versions/2018/09/story/20180913.md: capture: "2018/09/gone.html" is not in'),
    ]);
    expect(lines[0]).toContain(`the SHA-256 of captures/2018/09/story.20180912.html is ${sha}`);
  });

  test('warc provenance is checked in article and version files', async () => {
    // Each capture its own record: a record shared by two captures is a problem of its own (below).
    const warc = (file: string, n: number) =>
      `warc:\n  file: ${file}\n  recordId: "<urn:uuid:${n}>"\n  payloadDigest: "sha1:AAAA"\n  targetUri: https://thehill.com/a`;
    const lines = await check({
      'versions/2018/09/story/20180912.md': version(`title: T\ncaptured: 2018-09-12\n${warc('crawl.warc.gz', 1)}`),
      'versions/2018/09/story/20180913.md': version(`title: T\ncaptured: 2018-09-13\n${warc('dir/crawl.warc.gz', 2)}`),
    });
    expect(lines).toEqual([
      expect.stringContaining('versions/2018/09/story/20180913.md: warc.file: must be a file name without folders'),
    ]);
  });

  test('a capture file kept by two captures is refused on both, with the fix', async () => {
    // The by-hand steps with the capture fields left as they were: the article file and its new
    // earlier version name the same kept capture.
    const capture = 'capture: 2018/09/story.html';
    const lines = await check({
      'captures/2018/09/story.html': '<html>capture</html>',
      'articles/2018/09/story.md': GOOD['articles/2018/09/story.md'].replace('captured:', `${capture}\ncaptured:`),
      'versions/2018/09/story/20180911.md': version(`title: First headline\ncaptured: 2018-09-11\n${capture}`),
    });
    expect(lines).toEqual([
      "articles/2018/09/story.md: capture: is 2018/09/story.html, the capture of versions/2018/09/story/20180911.md too: a version's capture must be its own. Fix: name this version's own kept capture in capture and captureSha256 (captures of earlier versions are captures/YYYY/MM/<slug>.<version id>.<ext>), or remove both fields if its bytes were not kept",
      "versions/2018/09/story/20180911.md: capture: is 2018/09/story.html, the capture of articles/2018/09/story.md too: a version's capture must be its own. Fix: name this version's own kept capture in capture and captureSha256 (captures of earlier versions are captures/YYYY/MM/<slug>.<version id>.<ext>), or remove both fields if its bytes were not kept",
    ]);
  });

  test('a WARC record named by two captures is refused on both, with the fix', async () => {
    const warc = 'warc:\n  file: crawl.warc.gz\n  recordId: "<urn:uuid:1>"\n  targetUri: https://thehill.com/a';
    const lines = await check({
      'versions/2018/09/story/20180911.md': version(`title: First headline\ncaptured: 2018-09-11\n${warc}`),
      'versions/2018/09/story/20180912.md': version(`title: Second headline\ncaptured: 2018-09-12\n${warc}`),
    });
    expect(lines).toEqual([
      "versions/2018/09/story/20180911.md: warc.recordId: is <urn:uuid:1>, the WARC record of versions/2018/09/story/20180912.md too: a version's capture must be its own. Fix: set warc to the record this version was read from, or remove warc if it was not read from a web archive",
      "versions/2018/09/story/20180912.md: warc.recordId: is <urn:uuid:1>, the WARC record of versions/2018/09/story/20180911.md too: a version's capture must be its own. Fix: set warc to the record this version was read from, or remove warc if it was not read from a web archive",
    ]);
  });

  test('one record or one capture file written two ways is still one: record ids by case and brackets, paths by ./', async () => {
    const warc = (id: string) =>
      `warc:\n  file: crawl.warc.gz\n  recordId: "${id}"\n  targetUri: https://thehill.com/a`;
    const lines = await check({
      'versions/2018/09/story/20180911.md': version(`title: First\ncaptured: 2018-09-11\n${warc('<urn:uuid:AB-1>')}`),
      'versions/2018/09/story/20180912.md': version(`title: Second\ncaptured: 2018-09-12\n${warc('urn:uuid:ab-1')}`),
      'versions/2018/09/story/20180913.md': version(
        'title: Third\ncaptured: 2018-09-13\ncapture: 2018/09/story.x.html',
      ),
      'versions/2018/09/story/20180914.md': version(
        'title: Fourth\ncaptured: 2018-09-14\ncapture: 2018/09/./story.x.html',
      ),
    });
    // (The kept capture files named are not there: those problems are reported too, and left out here.)
    const shared = lines.filter((l) => l.includes("a version's capture must be its own"));
    expect(shared.map((l) => l.split(':').slice(0, 2).join(':')).toSorted()).toEqual([
      'versions/2018/09/story/20180911.md: warc.recordId',
      'versions/2018/09/story/20180912.md: warc.recordId',
      'versions/2018/09/story/20180913.md: capture',
      'versions/2018/09/story/20180914.md: capture',
    ]);
  });

  test('a capture in the future is refused, in a version file and in the article file', async () => {
    const lines = await check({
      'articles/2018/09/story.md': GOOD['articles/2018/09/story.md'].replace('2026-11-27T10:15:00Z', '2999-01-01'),
      'versions/2018/09/story/29980101.md': version('title: T\ncaptured: 2998-01-01'),
    });
    expect(lines).toEqual([
      expect.stringMatching(
        /^articles\/2018\/09\/story\.md: captured: is in the future: 2999-01-01 is after today, \d{4}-\d\d-\d\d\. Fix: write the moment the copy was made/,
      ),
      expect.stringMatching(
        /^versions\/2018\/09\/story\/29980101\.md: captured: is in the future: 2998-01-01 is after today, \d{4}-\d\d-\d\d\. Fix: write the moment the copy was made/,
      ),
    ]);
  });

  test("a version captured before the article's published date is refused, naming where the date is", async () => {
    // The article was published on 2018-09-10.
    const lines = await check({
      'versions/2018/09/story/20180901.md': version('title: T\ncaptured: 2018-09-01'),
      'versions/2018/09/story/20180902.md': version('title: T\ncaptured: 2018-09-02\npublished: 2018-09-05'),
    });
    expect(lines).toEqual([
      "versions/2018/09/story/20180901.md: captured: is 2018-09-01, before published (2018-09-10, the article's, in articles/2018/09/story.md): a copy cannot be made before the original was published. Fix: check captured against the capture and published against the original (a typo in the year?)",
      'versions/2018/09/story/20180902.md: captured: is 2018-09-02, before published (2018-09-05): a copy cannot be made before the original was published. Fix: check captured against the capture and published against the original (a typo in the year?)',
    ]);
  });

  test('a capture on the day of publication, in any offset, is accepted', async () => {
    const lines = await check({
      // 23:30 on the 9th at UTC-05:00 is already the 10th in UTC and further east.
      'versions/2018/09/story/20180910043000.md': version('title: T\ncaptured: 2018-09-09T23:30:00-05:00'),
      'versions/2018/09/story/20180910.md': version('title: T\ncaptured: 2018-09-10'),
    });
    expect(lines).toEqual([]);
  });

  test('an article file captured before its published date is refused', async () => {
    const lines = await check({
      'articles/2018/09/story.md': GOOD['articles/2018/09/story.md'].replace('2026-11-27T10:15:00Z', '2017-09-10'),
      'versions/2018/09/story/20180911.md': undefined,
    });
    expect(lines).toEqual([
      'articles/2018/09/story.md: captured: is 2017-09-10, before published (2018-09-10): a copy cannot be made before the original was published. Fix: check captured against the capture and published against the original (a typo in the year?)',
    ]);
  });

  test('one bad version file does not stop the check of the others', async () => {
    const lines = await check({
      'versions/2018/09/story/20180912.md': '---\ntitle: [unclosed\n---\n\nText.\n',
      'versions/2018/09/story/x.md': version('title: T\ncaptured: 2018-09-14'),
      'versions/2018/09/story/notes.txt': 'stray',
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringContaining('versions/2018/09/story/20180912.md: frontmatter: is not valid YAML'),
        expect.stringContaining('versions/2018/09/story/x.md: captured: is 2018-09-14, so the version id is 20180914'),
        expect.stringContaining('versions/2018/09/story/notes.txt: file: is not read'),
      ]),
    );
    expect(lines).toHaveLength(3);
  });
});
