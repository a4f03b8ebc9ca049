import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/content/yaml.ts';
import { checkContent } from '../../src/content/check.ts';
import { listFiles, splitFrontmatter } from '../../src/content/files.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { htmlResponse, warcFile, type RecordSpec } from '../helpers/web-archive.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// Which capture of an archived article is a new version, which is a duplicate, and what --force
// may replace: a revert, a headline-only change, the same address written several ways. The
// expected files are worked out here from the capture moments, not by the importer's code.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const forced = { ...options, force: true };

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

async function frontMatter(file: string): Promise<Record<string, unknown>> {
  return parseYaml(splitFrontmatter(await readFile(file, 'utf8'))!.yaml) as Record<string, unknown>;
}

/** Every file under a folder with its bytes' SHA-256. */
async function snapshot(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const rel of await listFiles(root)) files.set(rel, sha256(await readFile(path.join(root, rel))));
  return files;
}

const URL_ = 'https://news.example/mill-bridge';
const base = paragraphsFor(41);
const edited = [base[0]!, 'The council later said the repairs would cost twice the first estimate.', ...base.slice(2)];
const TITLE = 'Council approves mill bridge repairs';
const page = (paragraphs: string[], opts: { title?: string; url?: string | undefined; extra?: string } = {}) =>
  newsPage({
    title: opts.title ?? TITLE,
    paragraphs,
    ...('url' in opts ? opts.url && { url: opts.url } : { url: URL_ }),
    published: '2026-10-27',
    site: 'Example News',
    author: 'Pat Reporter',
  }).replace('</body>', `${opts.extra ?? ''}</body>`);
const ARTICLE = 'articles/2026/10/council-approves-mill-bridge-repairs.md';
const VERSIONS = 'versions/2026/10/council-approves-mill-bridge-repairs';
const T1 = '2026-11-01T09:00:00Z';
const T2 = '2026-11-08T09:00:00Z';
const T3 = '2026-11-20T09:00:00Z';

async function importWarc(root: string, inbox: string, name: string, records: RecordSpec[], opts = options) {
  const file = path.join(inbox, name);
  await writeFile(file, await warcFile(records, true));
  return importAll([file], root, opts);
}

describe('versions: revert, headline, --force', () => {
  test('a revert to an earlier, non-adjacent text is a new latest version; with --force nothing of another version is overwritten', async () => {
    for (const opts of [options, forced]) {
      const { root, inbox } = await scratchArchive('archive-revert-');
      await importWarc(root, inbox, 'crawl.warc.gz', [
        htmlResponse(URL_, T1, page(base)),
        htmlResponse(URL_, T2, page(edited)),
      ]);
      const before = await snapshot(root);
      // The same text as the first capture, in other bytes (a changed script address).
      const summary = await importWarc(
        root,
        inbox,
        'revert.warc.gz',
        [htmlResponse(URL_, T3, page(base, { extra: '<script src="/a.js?v=2"></script>' }))],
        opts,
      );
      expect(summary.counts).toMatchObject({ versioned: 1, skipped: 0, replaced: 0, failed: 0 });
      const after = await snapshot(root);
      // Every file there before is still there, byte for byte, except the article file, which now
      // holds the newest capture; the previous latest moved, unchanged, to versions/.
      for (const [rel, hash] of before) if (rel !== ARTICLE) expect(after.get(rel), rel).toBe(hash);
      expect(await frontMatter(path.join(root, ARTICLE))).toMatchObject({ captured: T3 });
      expect((await frontMatter(path.join(root, VERSIONS, '20261108090000.md'))).captured).toBe(T2);
      const checked = await checkContent(root);
      expect(checked.problems).toEqual([]);
      expect(checked.entries.versions.map((v) => v.id).sort()).toEqual([
        '2026/10/council-approves-mill-bridge-repairs/20261101090000',
        '2026/10/council-approves-mill-bridge-repairs/20261108090000',
      ]);
    }
  }, 60_000);

  test('a capture is a duplicate only of the capture just before it in time', async () => {
    const { root, inbox } = await scratchArchive('archive-revert-');
    await importWarc(root, inbox, 'crawl.warc.gz', [
      htmlResponse(URL_, T1, page(base)),
      htmlResponse(URL_, T3, page(edited)),
    ]);
    // Between the two: the same text as the one before is a duplicate; the same text as the one
    // after is kept, as the earlier witness of the edited text.
    const again = await importWarc(root, inbox, 'again.warc.gz', [
      htmlResponse(URL_, '2026-11-05T09:00:00Z', page(base, { extra: '<!-- a -->' })),
      htmlResponse(URL_, '2026-11-06T09:00:00Z', page(edited, { extra: '<!-- b -->' })),
    ]);
    expect(again.counts).toMatchObject({ skipped: 1, versioned: 1 });
    // After the latest: the same text as the one before it (the latest) is a duplicate.
    const later = await importWarc(root, inbox, 'later.warc.gz', [
      htmlResponse(URL_, '2026-11-25T09:00:00Z', page(edited, { extra: '<!-- c -->' })),
    ]);
    expect(later.counts).toMatchObject({ skipped: 1, versioned: 0 });
  }, 60_000);

  test('the history does not depend on the order of imports: a revert first, then what came before it', async () => {
    const histories: string[][] = [];
    for (const order of [[[T1, T2, T3]], [[T3], [T1, T2]], [[T3], [T1], [T2]]]) {
      const { root, inbox } = await scratchArchive('archive-order-');
      const text: Record<string, string[]> = { [T1]: base, [T2]: edited, [T3]: base };
      for (const [n, batch] of order.entries())
        await importWarc(
          root,
          inbox,
          `crawl-${n}.warc.gz`,
          batch.map((t) => htmlResponse(URL_, t, page(text[t]!, { extra: `<!-- ${t} -->` }))),
        );
      const versions = (await listFiles(path.join(root, 'versions'))).map((f) => path.basename(f, '.md'));
      const latest = String((await frontMatter(path.join(root, ARTICLE))).captured);
      histories.push([...versions, latest]);
      expect((await checkContent(root)).problems).toEqual([]);
    }
    expect(histories).toEqual([
      ['20261101090000', '20261108090000', T3],
      ['20261101090000', '20261108090000', T3],
      ['20261101090000', '20261108090000', T3],
    ]);
  }, 90_000);

  test('a change of headline only is a new version, and the article file never moves', async () => {
    for (const opts of [options, forced]) {
      const { root, inbox } = await scratchArchive('archive-headline-');
      await importWarc(root, inbox, 'crawl.warc.gz', [htmlResponse(URL_, T1, page(base))]);
      const summary = await importWarc(
        root,
        inbox,
        'headline.warc.gz',
        [htmlResponse(URL_, T2, page(base, { title: 'Council delays the mill bridge contract' }))],
        opts,
      );
      expect(summary.counts).toMatchObject({ versioned: 1, skipped: 0, replaced: 0 });
      const files = await listFiles(path.join(root, 'articles'));
      expect(files).toEqual([ARTICLE.replace('articles/', '')]);
      expect(await frontMatter(path.join(root, ARTICLE))).toMatchObject({
        title: 'Council delays the mill bridge contract',
        captured: T2,
      });
      expect(await frontMatter(path.join(root, VERSIONS, '20261101090000.md'))).toMatchObject({ title: TITLE });
      expect((await checkContent(root)).problems).toEqual([]);
    }
  }, 60_000);

  test('--force replaces the version with the same capture only, and names the file it wrote', async () => {
    const { root, inbox } = await scratchArchive('archive-force-');
    await importWarc(root, inbox, 'crawl.warc.gz', [
      htmlResponse(URL_, T1, page(base)),
      htmlResponse(URL_, T2, page(edited)),
    ]);
    const before = await snapshot(root);
    // The first capture's moment again, other text: replaces that earlier version only.
    const third = [base[0]!, 'A third text of the second paragraph, captured at the first moment.', ...base.slice(2)];
    const summary = await importWarc(root, inbox, 'again.warc.gz', [htmlResponse(URL_, T1, page(third))], forced);
    expect(summary.counts, formatSummary(summary, { dryRun: false })).toMatchObject({ replaced: 1 });
    const after = await snapshot(root);
    const changed = [...after.keys()].filter((rel) => after.get(rel) !== before.get(rel)).sort();
    // The kept capture is never overwritten by other bytes: the new capture is kept beside it.
    expect(changed.filter((rel) => !rel.startsWith('.import-backups/'))).toEqual([
      'captures/2026/10/council-approves-mill-bridge-repairs.20261101090000.html',
      `${VERSIONS}/20261101090000.md`,
    ]);
    expect(after.get('captures/2026/10/council-approves-mill-bridge-repairs.html')).toBe(
      before.get('captures/2026/10/council-approves-mill-bridge-repairs.html'),
    );
    // The rewritten version file is kept as it was.
    const backups = changed.filter((rel) => rel.startsWith('.import-backups/'));
    expect(backups).toEqual([
      expect.stringMatching(new RegExp(`^\\.import-backups/[^/]+/${VERSIONS}/20261101090000\\.md$`)),
    ]);
    expect(after.get(backups[0]!)).toBe(before.get(`${VERSIONS}/20261101090000.md`));
    const report = formatSummary(summary, { dryRun: false });
    expect(report).toMatch(/^replaced .* -> .*versions\/.*\/20261101090000\.md$/m);
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);

  test('capture names are as the README says: the first capture keeps <slug>.html, later ones <slug>.<version id>.html', async () => {
    const { root, inbox } = await scratchArchive('archive-names-');
    // The later capture first, then the earlier one: the first capture imported keeps the plain name.
    await importWarc(root, inbox, 'b.warc.gz', [htmlResponse(URL_, T2, page(edited))]);
    await importWarc(root, inbox, 'a.warc.gz', [htmlResponse(URL_, T1, page(base))]);
    // The first capture's very bytes again, after a change: a revert, recorded.
    await importWarc(root, inbox, 'c.warc.gz', [htmlResponse(URL_, T3, page(base))]);
    const slug = '2026/10/council-approves-mill-bridge-repairs';
    expect((await frontMatter(path.join(root, VERSIONS, '20261108090000.md'))).capture).toBe(`${slug}.html`);
    expect((await frontMatter(path.join(root, VERSIONS, '20261101090000.md'))).capture).toBe(
      `${slug}.20261101090000.html`,
    );
    expect((await frontMatter(path.join(root, ARTICLE))).capture).toBe(`${slug}.20261120090000.html`);
    expect((await listFiles(path.join(root, 'captures'))).sort()).toEqual(
      [`${slug}.20261101090000.html`, `${slug}.20261120090000.html`, `${slug}.html`].sort(),
    );
  }, 60_000);
});
