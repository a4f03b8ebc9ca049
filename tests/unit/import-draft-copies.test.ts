import { cp, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { displayPath } from '../../src/content/problems.ts';
import { formatDrafts, listDrafts } from '../../src/import/drafts.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// A plain-text copy saved later of an article already completed is a draft at first (it states
// no address); once the same copy is added to the article with --url, that draft adds nothing,
// and --drafts says so instead of offering a command that cannot complete it.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const given = {
  url: 'https://harbourmail.example/2026/11/council-budget',
  source: 'harbour-mail',
  published: '2026-10-30',
};

test('a draft whose capture is archived as a version of another article is listed as adding nothing', async () => {
  const { root, inbox } = await scratchArchive('archive-draft-copy-');
  await writeFile(
    path.join(root, 'sources', 'harbour-mail.yaml'),
    'name: Harbour Mail\nhomepage: https://harbourmail.example/\n',
  );
  const [v1, v2] = ['v1', 'v2'].map((v) => path.join(inbox, `${v}.txt`));
  await cp('tests/fixtures/plain-text-copies/council-budget-v1.txt', v1!);
  await cp('tests/fixtures/plain-text-copies/council-budget-v2.txt', v2!);
  await utimes(v1!, new Date('2026-11-01T10:00:00Z'), new Date('2026-11-01T10:00:00Z'));
  await utimes(v2!, new Date('2026-11-20T10:00:00Z'), new Date('2026-11-20T10:00:00Z'));
  await importAll([v1!], root, options);
  // Completed, the draft moves from articles/undated/ to its dated folder.
  const article = (await importAll([v1!], root, { ...options, given })).outcomes[0]!.article!;
  await writeFile(
    article,
    (await readFile(article, 'utf8')).replace('Rosa Delgado said', 'Rosa Delgado (EDITOR) said'),
  );
  const later = await importAll([v2!], root, options);
  const draft = later.outcomes[0]!.article!;
  expect(draft).not.toBe(article);
  const added = await importAll([v2!], root, { ...options, given });
  expect(added.counts.versioned, formatSummary(added, { dryRun: false })).toBe(1);

  const drafts = await listDrafts(root);
  expect(drafts.map((d) => d.file)).toEqual([draft]);
  expect(drafts[0]!.archivedAs).toBe(article);
  const listing = formatDrafts(drafts, (p) => p);
  expect(listing).not.toMatch(/complete it/);
  expect(listing).toContain(`the same capture is archived in ${article}`);

  // The command a user would run anyway: skipped, naming the draft that adds nothing.
  const again = await importAll([path.join(root, 'captures', drafts[0]!.capture!.split('/captures/')[1]!)], root, {
    ...options,
    given,
  });
  expect(again.counts.skipped).toBe(1);
  expect(formatSummary(again, { dryRun: false })).toContain(displayPath(draft));
});
