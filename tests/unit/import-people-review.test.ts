import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { listFiles } from '../../src/content/files.ts';
import { applyReview } from '../../src/import/people-review.ts';
import { BACKUP_FOLDER } from '../../src/import/write.ts';
import { importAll } from '../../src/import/run.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { htmlResponse, warcFile } from '../helpers/web-archive.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// The people review: made for one content folder and applied to that one only, a dry run that
// writes nothing, an article listed once however many of its captures name a person, and no
// person added for articles that are not there.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const URL_ = 'https://news.example/bus';
const lead =
  'Councilwoman Rosa Delgado said on Monday that the new bus lanes would open in March, a year later than planned.';
const page = (extra: string) =>
  newsPage({
    title: 'Bus lanes delayed',
    paragraphs: [lead, extra, ...paragraphsFor(3)],
    url: URL_,
    published: '2022-01-10',
    site: 'Example News',
  });

/** `npm run import` in a process of its own. */
const cli = (args: string[]) =>
  spawnSync(path.resolve('node_modules/.bin/node'), ['scripts/import.ts', ...args], { encoding: 'utf8' });

/** Imports two captures of one article that both name Rosa Delgado, writing a review file. */
async function reviewed() {
  const { root, inbox } = await scratchArchive('archive-review-');
  const file = path.join(inbox, 'crawl.warc.gz');
  await writeFile(
    file,
    await warcFile(
      [
        htmlResponse(URL_, '2026-11-01T09:00:00Z', page('The transit office gave no reason for the delay.')),
        htmlResponse(URL_, '2026-11-08T09:00:00Z', page('The transit office blamed a shortage of paint crews.')),
      ],
      true,
    ),
  );
  const reviewFile = path.join(path.dirname(root), 'review.txt');
  const run = await importAll([file], root, { ...options, addPeople: true, reviewFile });
  expect(run.counts).toMatchObject({ imported: 1, versioned: 1 });
  return { root, file, reviewFile, run };
}

describe('people review', () => {
  test('an article is listed and counted once however many of its captures name the person', async () => {
    const { root, reviewFile, run } = await reviewed();
    expect(run.proposed.get('Rosa Delgado')).toBe(1);
    const review = await readFile(reviewFile, 'utf8');
    expect(review).toContain('drop | Rosa Delgado | in: 2022/01/bus-lanes-delayed.md\n');
    await writeFile(reviewFile, review.replace('drop | Rosa Delgado', 'keep | Rosa Delgado'));
    await applyReview(reviewFile, root);
    // Without a "who:" the person has no description: nothing generated that could go stale.
    expect(await readFile(path.join(root, 'people', 'rosa-delgado.yaml'), 'utf8')).toBe(
      'name: Rosa Delgado\naliases: []\n',
    );
  }, 30_000);

  test('--dry-run writes nothing; the printed next step names the content folder; another folder is refused', async () => {
    const { root, file } = await reviewed();
    const reviewFile = path.join(path.dirname(root), 'review-cli.txt');
    const made = cli(['--content', root, '--add-people', '--review', reviewFile, '--force', file]);
    expect(made.stdout).toContain(`--apply-people ${reviewFile} --content ${root}`);
    const review = await readFile(reviewFile, 'utf8');
    await writeFile(reviewFile, review.replace('drop | Rosa Delgado', 'keep | Rosa Delgado'));
    const before = await listFiles(root);
    const article = await readFile(path.join(root, 'articles/2022/01/bus-lanes-delayed.md'), 'utf8');

    const dry = cli(['--content', root, '--apply-people', reviewFile, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('would add people/rosa-delgado.yaml (Rosa Delgado)');
    expect(await listFiles(root)).toEqual(before);
    expect(await readFile(path.join(root, 'articles/2022/01/bus-lanes-delayed.md'), 'utf8')).toBe(article);

    // The default content folder (or any other) is not the one the review was made for.
    const { root: other } = await scratchArchive('archive-review-other-');
    const elsewhere = cli(['--content', other, '--apply-people', reviewFile]);
    expect(elsewhere.status).toBe(2);
    expect(elsewhere.stderr).toContain(`was made for the content folder ${root}`);
    expect(existsSync(path.join(other, 'people', 'rosa-delgado.yaml'))).toBe(false);

    const applied = cli(['--content', root, '--apply-people', reviewFile]);
    expect(applied.status, applied.stderr).toBe(0);
    expect(existsSync(path.join(root, 'people', 'rosa-delgado.yaml'))).toBe(true);
  }, 60_000);

  test('the description is what the editor wrote after "who:", and a later review keeps it', async () => {
    const { root, reviewFile } = await reviewed();
    const review = await readFile(reviewFile, 'utf8');
    const who = 'Councilwoman for the harbour ward.';
    const marked = review.replace(/^drop \| Rosa Delgado \| (in: .*)$/m, `keep | Rosa Delgado | $1 | who: ${who}`);
    await writeFile(reviewFile, marked);
    // Reviewing again (the archive, no input) keeps the mark and the description.
    await importAll([], root, { ...options, addPeople: true, reviewFile });
    expect(await readFile(reviewFile, 'utf8')).toContain(
      `keep | Rosa Delgado | in: 2022/01/bus-lanes-delayed.md | who: ${who}`,
    );
    await applyReview(reviewFile, root);
    expect(await readFile(path.join(root, 'people', 'rosa-delgado.yaml'), 'utf8')).toContain(`description: ${who}`);
  }, 30_000);

  test('a kept name whose articles are none of them in the archive adds no person', async () => {
    const { root } = await scratchArchive('archive-review-');
    const reviewFile = path.join(path.dirname(root), 'review.txt');
    await writeFile(reviewFile, 'keep | Rosa Delgado | in: 2022/01/not-there.md, 2022/01/nor-this.md\n');
    const result = await applyReview(reviewFile, root);
    expect(result.added).toEqual([]);
    expect(result.problems.join('\n')).toMatch(/not-there\.md/);
    expect(existsSync(path.join(root, 'people', 'rosa-delgado.yaml'))).toBe(false);
  });
});

test('the review files and the copies the importer writes into the content folder are ignored by git', async () => {
  const { root, inbox } = await scratchArchive('archive-review-ignored-');
  const saved = path.join(inbox, 'bus.html');
  await writeFile(
    saved,
    newsPage({
      title: 'Bus lanes delayed',
      paragraphs: [lead, ...paragraphsFor(3)],
      url: URL_,
      published: '2026-01-10',
      site: 'Example News',
    }),
  );
  const run = await importAll([saved], root, { ...options, addPeople: true });
  const stamp = '2026-03-12T09-30-00Z';
  const written = [
    path.basename(run.reviewFile!),
    'people-review-2.txt',
    `${BACKUP_FOLDER}/${stamp}/articles/2026/01/bus-lanes-delayed.md`,
  ];
  // As they would lie in the project's own content folder.
  const check = spawnSync('git', ['check-ignore', '--no-index', ...written.map((f) => `content/${f}`)], {
    encoding: 'utf8',
  });
  expect(check.stdout.trim().split('\n')).toEqual(written.map((f) => `content/${f}`));
}, 30_000);
