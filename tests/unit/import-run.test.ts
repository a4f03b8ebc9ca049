import { spawnSync } from 'node:child_process';
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { readCapture } from '../../src/import/capture.ts';
import { applyReview } from '../../src/import/people-review.ts';
import { importAll } from '../../src/import/run.ts';
import { listFiles, readArticleBody } from '../../src/content/files.ts';
import { checkContent } from '../../src/content/check.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// Whole imports into a scratch content folder: the seed round trip, duplicates, every kind of
// bad input, and a bulk folder of 200 captures.

const SEED = path.resolve('content/captures/2018/09/immigration-judges-sessions.txt');
const SEED_URL =
  'https://thehill.com/homenews/administration/406021-immigration-judges-union-blasts-sessions-for-telling-judges-not-to';
const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

/** The body of a Markdown article file. */
function body(file: string): string {
  return readArticleBody(file).trim();
}

describe('the seed capture', () => {
  test('imports to the same clean body as the checked-in seed article, tagged with its four people', async () => {
    const { root } = await scratchArchive('archive-import-');
    const run = await importAll([SEED], root, {
      ...options,
      given: { url: SEED_URL, source: 'the-hill', published: '2018-09-10' },
    });
    expect(run.counts).toEqual({ imported: 1, versioned: 0, replaced: 0, skipped: 0, failed: 0 });
    const written = run.outcomes[0]!.article!;
    expect(body(written)).toBe(body(path.resolve('content/articles/2018/09/immigration-judges-sessions.md')));
    const text = await readFile(written, 'utf8');
    expect(text).toMatch(/people:\n {2}- jeff-sessions\n {2}- dana-marks\n {2}- ashley-tabaddor\n {2}- donald-trump\n/);
    expect(text).toContain('credit: © Getty');
    expect(text).toContain('captureSha256: df05a529bed90554ed3534f5a06c8d01cbb322a2877e4a449ab3f87b6f92db3b');
    for (const junk of ['Acosta', 'Esper', 'Mattis', 'Warren', 'Thiel']) expect(text).not.toContain(junk);
    expect(run.outcomes[0]!.proposed).toEqual([]);
    const capture = await readFile(path.join(root, 'captures', '2018/09', path.basename(written, '.md') + '.txt'));
    expect(capture.equals(await readFile(SEED))).toBe(true);
    expect((await checkContent(root)).problems).toEqual([]);
  });

  test('without a date or URL it becomes a draft and the report says what was missing', async () => {
    const { root } = await scratchArchive('archive-import-');
    const run = await importAll([SEED], root, options);
    const o = run.outcomes[0]!;
    expect(o.status).toBe('imported');
    expect(o.missing).toEqual(
      expect.arrayContaining(['published date (saved as a draft)', 'original URL (saved as a draft)', 'authors']),
    );
    expect(await readFile(o.article!, 'utf8')).toMatch(/\ndraft: true\n/);
    expect((await checkContent(root)).problems).toEqual([]);
  });
});

describe('duplicates', () => {
  test('the same URL or the same text is skipped, and --force extracts it again (an unchanged file is not counted as replaced)', async () => {
    const { root, inbox } = await scratchArchive('archive-import-');
    const page = newsPage({
      title: 'Bridge reopens',
      paragraphs: paragraphsFor(1),
      url: 'https://news.example/bridge',
      published: '2020-05-01',
      site: 'Example News',
    });
    await writeFile(path.join(inbox, 'a.html'), page);
    await writeFile(
      path.join(inbox, 'b.html'),
      page.replace('https://news.example/bridge', 'https://news.example/bridge-copy'),
    );
    const first = await importAll([inbox], root, options);
    expect(first.counts).toMatchObject({ imported: 1, skipped: 1 });
    expect(first.outcomes[1]!.reason).toMatch(/already archived as .*bridge-reopens\.md \(same text\)/);
    const again = await importAll([path.join(inbox, 'a.html')], root, options);
    expect(again.outcomes[0]!.reason).toMatch(/same original URL/);
    const forced = await importAll([path.join(inbox, 'a.html')], root, { ...options, force: true });
    expect(forced.counts).toMatchObject({ replaced: 0, skipped: 1 });
    expect(forced.outcomes[0]!.reason).toMatch(
      /bridge-reopens\.md; extracted again, it gives what the file already holds/,
    );
    expect((await listFiles(path.join(root, 'articles'))).filter((f) => f.endsWith('.md'))).toEqual([
      '2020/05/bridge-reopens.md',
    ]);
  });
});

describe('bad input: one clear reason each, and the rest still imported', () => {
  test('empty, binary, not an article, error page, huge page, bad gzip; broken HTML and other charsets still import', async () => {
    const { root, inbox } = await scratchArchive('archive-import-');
    const good = (n: number) =>
      newsPage({
        title: `Good page ${n}`,
        paragraphs: paragraphsFor(n),
        url: `https://news.example/good-${n}`,
        published: '2021-03-04',
        site: 'Example News',
      });
    await writeFile(path.join(inbox, '01-empty.html'), '');
    await writeFile(path.join(inbox, '02-binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    await writeFile(
      path.join(inbox, '03-index.html'),
      `<html><head><title>Politics - Example News</title></head><body><nav>${Array.from({ length: 60 }, (_, i) => `<a href="/s${i}">Story headline number ${i} about politics</a>`).join(' ')}</nav></body></html>`,
    );
    await writeFile(
      path.join(inbox, '04-error.html'),
      '<html><head><title>404 Not Found</title></head><body><h1>Page not found</h1><p>Sorry, the page you were looking for does not exist.</p></body></html>',
    );
    await writeFile(path.join(inbox, '05-huge.html'), Buffer.alloc(50 * 1024 * 1024, 'a'));
    await writeFile(path.join(inbox, '06-bad.html.gz'), Buffer.from('not gzip at all'));
    await writeFile(
      path.join(inbox, '07-broken.html'),
      good(7).replace(/<\/p>/g, '').replace('</article>', '').replace('</body></html>', ''),
    );
    const latin = good(8)
      .replace('charset="utf-8"', 'charset="iso-8859-1"')
      .replaceAll('Good page 8', 'Café crème in Zürich');
    await writeFile(path.join(inbox, '08-latin1.html'), Buffer.from(latin, 'latin1'));
    await writeFile(
      path.join(inbox, '09-bom.html'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good(9))]),
    );
    await writeFile(path.join(inbox, '10-gzipped.html.gz'), gzipSync(good(10)));
    const run = await importAll([inbox], root, options);
    const by = Object.fromEntries(run.outcomes.map((o) => [path.basename(o.file), o]));
    expect(by['01-empty.html']!.reason).toBe('is empty');
    expect(by['02-binary.html']!.reason).toBe('is a binary file, not a saved page or text');
    expect(by['03-index.html']!.reason).toMatch(/index page|no article text/);
    expect(by['04-error.html']!.reason).toMatch(/error page/);
    expect(by['05-huge.html']!.reason).toMatch(/^is 52\.4 MB; pages over 20\.0 MB are not imported/);
    expect(by['06-bad.html.gz']!.reason).toBe('is not a valid gzip file');
    for (const ok of ['07-broken.html', '08-latin1.html', '09-bom.html', '10-gzipped.html.gz'])
      expect(by[ok]!.status).toBe('imported');
    expect(run.counts).toEqual({ imported: 4, versioned: 0, replaced: 0, skipped: 0, failed: 6 });
    expect(await readFile(by['08-latin1.html']!.article!, 'utf8')).toContain('title: Café crème in Zürich');
    const files = await readdir(path.join(root, 'articles', '2021', '03'));
    expect(files.filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);

  test('a capture is read byte for byte, with its charset from the BOM or <meta charset>', async () => {
    const { inbox } = await scratchArchive('archive-import-');
    const file = path.join(inbox, 'w.html');
    await writeFile(
      file,
      Buffer.from(
        '<html><head><meta charset="windows-1252"></head><body><p>\x93Quoted\x94 caf\xe9</p></body></html>',
        'latin1',
      ),
    );
    const capture = await readCapture(file, 1_000_000);
    expect(capture.charset).toBe('windows-1252');
    expect(capture.text).toContain('“Quoted” café');
  });
});

describe('people', () => {
  test('names not in the archive are proposed; --add-people writes a review file and only kept names are added', async () => {
    const { root, inbox } = await scratchArchive('archive-import-');
    const paragraphs = [
      'Councilwoman Rosa Delgado said on Monday that the new bus lanes would open in March, a year later than planned.',
      'Transit director Omar Haddad said the delay was caused by a shortage of paint crews. Photo: Lena Brandt/Getty Images',
      ...paragraphsFor(3),
    ];
    await writeFile(
      path.join(inbox, 'bus.html'),
      newsPage({
        title: 'Bus lanes delayed',
        paragraphs,
        url: 'https://news.example/bus',
        published: '2022-01-10',
        site: 'Example News',
      }),
    );
    const dry = await importAll([inbox], root, { ...options, dryRun: true });
    expect(dry.outcomes[0]!.proposed).toEqual(['Rosa Delgado', 'Omar Haddad']);
    expect(existsSync(path.join(root, 'articles'))).toBe(false);
    const reviewFile = path.join(path.dirname(root), 'review.txt');
    const run = await importAll([inbox], root, { ...options, addPeople: true, reviewFile });
    expect(run.reviewFile).toBe(reviewFile);
    expect(existsSync(path.join(root, 'people', 'rosa-delgado.yaml'))).toBe(false);
    const review = await readFile(reviewFile, 'utf8');
    expect(review).toContain('drop | Rosa Delgado | in: 2022/01/bus-lanes-delayed.md');
    await writeFile(reviewFile, review.replace('drop | Rosa Delgado', 'keep | Rosa Delgado'));
    const applied = await applyReview(reviewFile, root);
    expect(applied.added).toEqual([{ id: 'rosa-delgado', name: 'Rosa Delgado' }]);
    expect(await readFile(path.join(root, 'people', 'rosa-delgado.yaml'), 'utf8')).toContain('name: Rosa Delgado');
    expect(existsSync(path.join(root, 'people', 'omar-haddad.yaml'))).toBe(false);
    expect(await readFile(run.outcomes[0]!.article!, 'utf8')).toMatch(/people:\n {2}- rosa-delgado\n/);
    expect((await applyReview(reviewFile, root)).added).toEqual([]);
    expect((await checkContent(root)).problems).toEqual([]);
  });

  test('a review line that is not keep or drop is reported with the file, the line and the fix', async () => {
    const { root } = await scratchArchive('archive-import-');
    const reviewFile = path.join(path.dirname(root), 'bad-review.txt');
    await writeFile(reviewFile, '# header\nmaybe | Rosa Delgado | in: 2022/01/x.md\n');
    const done = await applyReview(reviewFile, root);
    expect(done.added).toEqual([]);
    expect(done.problems.join('\n')).toMatch(/bad-review\.txt, line 2: .* starting with keep or drop/);
  });
});

describe('bulk', () => {
  test('a folder of 200 captures: imported, skipped and failed are counted right', async () => {
    const { root, inbox } = await scratchArchive('archive-import-');
    for (let n = 0; n < 180; n++) {
      const page = newsPage({
        title: `Commission votes on item ${n}`,
        paragraphs: paragraphsFor(n),
        url: `https://news.example/item-${n}`,
        published: `20${10 + (n % 12)}-0${1 + (n % 9)}-1${n % 9}`,
        site: 'Example News',
        author: 'Pat Reporter',
      });
      await writeFile(path.join(inbox, `page-${String(n).padStart(3, '0')}.html`), page);
    }
    for (let n = 0; n < 10; n++)
      await cp(path.join(inbox, `page-${String(n).padStart(3, '0')}.html`), path.join(inbox, `copy-${n}.html`));
    for (let n = 0; n < 10; n++) await writeFile(path.join(inbox, `empty-${n}.html`), '');
    const run = await importAll([inbox], root, options);
    expect(run.outcomes).toHaveLength(200);
    expect(run.outcomes.filter((o) => o.status === 'failed' && !/empty-/.test(o.file)).map((o) => o.reason)).toEqual(
      [],
    );
    expect(run.counts).toEqual({ imported: 180, versioned: 0, replaced: 0, skipped: 10, failed: 10 });
    expect((await listFiles(path.join(root, 'articles'))).length).toBe(180);
    expect((await listFiles(path.join(root, 'captures'))).length).toBe(180);
    expect(await readdir(path.join(root, 'sources'))).toContain('example-news.yaml');
  }, 120_000);
});

test('the command prints the report and exits 1 when any capture failed', async () => {
  const { root, inbox } = await scratchArchive('archive-import-');
  await writeFile(
    path.join(inbox, 'good.html'),
    newsPage({
      title: 'A good page',
      paragraphs: paragraphsFor(5),
      url: 'https://news.example/good',
      published: '2023-02-02',
      site: 'Example News',
    }),
  );
  await writeFile(path.join(inbox, 'empty.txt'), '');
  const run = spawnSync(path.resolve('node_modules/.bin/node'), ['scripts/import.ts', '--content', root, inbox], {
    encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('2 captures: 1 imported, 0 added as versions, 0 replaced, 0 skipped, 1 failed');
  expect(run.stdout).toMatch(/failed .*empty\.txt: is empty/);
  expect(run.stdout).toMatch(/imported .*good\.html -> .*articles\/2023\/02\/a-good-page\.md/);
}, 60_000); // starts the command in a process of its own
