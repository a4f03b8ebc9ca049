import { createHash } from 'node:crypto';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';

// A capture whose text is what the archive already holds adds nothing, with or without --force:
// two saved copies of one page (other bytes, same text, same address) never swap places, and
// identical bytes are never stored twice. "The same text" is read from the captures, so a hand
// edit of the article does not make a re-saved copy a new version.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const URL_ = 'https://news.example/2026/03/water';
const page = (extra: string) =>
  newsPage({
    title: 'Water rates to rise',
    paragraphs: paragraphsFor(41),
    url: URL_,
    published: '2026-03-03',
    site: 'Example News',
  }).replace('</footer>', `${extra}</footer>`);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function frontMatter(file: string): Promise<Record<string, unknown>> {
  return parseYaml(splitFrontmatter(await readFile(file, 'utf8'))!.yaml) as Record<string, unknown>;
}

async function savedCopies(prefix: string, [dayA, dayB]: [string, string]) {
  const { root, inbox } = await scratchArchive(prefix);
  const a = path.join(inbox, 'a.html');
  const b = path.join(inbox, 'b.html');
  await writeFile(a, page(' Saved from the amp page.'));
  await writeFile(b, page(' Saved from the script page.'));
  await utimes(a, new Date(dayA), new Date(dayA));
  await utimes(b, new Date(dayB), new Date(dayB));
  return { root, a, b };
}

/** The captures kept for the article, each with the SHA-256 of its bytes. */
async function kept(root: string): Promise<string[]> {
  const dir = path.join(root, 'captures', '2026', '03');
  const names = (await readdir(dir)).sort();
  return Promise.all(names.map(async (n) => `${n} ${sha256(await readFile(path.join(dir, n))).slice(0, 12)}`));
}

describe('two saved copies of one page with the same text', () => {
  test('the same day: --force, run twice, keeps the first copy and stores no bytes twice', async () => {
    const { root, a, b } = await savedCopies('archive-same-text-', ['2026-11-20T10:00:00Z', '2026-11-20T15:00:00Z']);
    const first = await importAll([a, b], root, options);
    expect(first.counts).toMatchObject({ imported: 1, skipped: 1 });
    const file = first.outcomes[0]!.article!;
    const before = await frontMatter(file);
    const captures = await kept(root);
    expect(captures).toHaveLength(1);
    for (const round of [1, 2]) {
      const run = await importAll([a, b], root, { ...options, force: true });
      const report = formatSummary(run, { dryRun: false });
      expect(run.counts, `round ${round}\n${report}`).toMatchObject({ replaced: 0, failed: 0, skipped: 2 });
      expect(await frontMatter(file)).toMatchObject({
        capture: before.capture,
        captureSha256: before.captureSha256,
      });
      expect(await kept(root)).toEqual(captures);
    }
  });

  test('another day, after a hand edit of the text: the re-saved copy is skipped, not a version "0 words added"', async () => {
    const { root, a, b } = await savedCopies('archive-same-text-', ['2026-11-01T10:00:00Z', '2026-11-20T10:00:00Z']);
    const first = await importAll([a], root, options);
    const file = first.outcomes[0]!.article!;
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('most of the afternoon', 'most of the afternoon (corrected)'));
    for (const force of [false, true]) {
      const run = await importAll([b], root, { ...options, force });
      const report = formatSummary(run, { dryRun: false });
      expect(run.counts, report).toMatchObject({ versioned: 0, skipped: 1 });
    }
    expect(await kept(root)).toHaveLength(1);
  });
});

describe('the report compares what the captures said, not the hand edits', () => {
  const later = (p: string[]) =>
    newsPage({ title: 'Water rates to rise', paragraphs: p, url: URL_, published: '2026-03-03', site: 'Example News' });
  const original = paragraphsFor(41);
  const revised = original.map((p, i) => (i === 3 ? p.replace('next meeting', 'following meeting') : p));

  test.each([
    ['an older capture imported after the newer one was edited', [revised, original] as const],
    ['a newer capture after the older one was edited', [original, revised] as const],
  ])('%s', async (_, [firstText, secondText]) => {
    const { root, inbox } = await scratchArchive('archive-same-text-');
    const first = path.join(inbox, 'first.html');
    const second = path.join(inbox, 'second.html');
    await writeFile(first, later(firstText));
    await writeFile(second, later(secondText));
    const [d1, d2] =
      firstText === revised
        ? ['2026-11-20T10:00:00Z', '2026-11-01T10:00:00Z']
        : ['2026-11-01T10:00:00Z', '2026-11-20T10:00:00Z'];
    await utimes(first, new Date(d1), new Date(d1));
    await utimes(second, new Date(d2), new Date(d2));
    const made = await importAll([first], root, options);
    const file = made.outcomes[0]!.article!;
    const text = await readFile(file, 'utf8');
    // The editor corrects the first paragraph: ten words replaced.
    await writeFile(
      file,
      text.replace(
        /after a hearing that lasted most of the afternoon and drew dozens of residents/,
        'after a long hearing',
      ),
    );
    const run = await importAll([second], root, options);
    const report = formatSummary(run, { dryRun: false });
    expect(run.counts.versioned, report).toBe(1);
    expect(run.outcomes[0]!.version, report).toMatchObject({ added: 1, removed: 1, titleChanged: false });
  });
});
