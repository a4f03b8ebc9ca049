import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { checkContent } from '../../src/content/check.ts';
import { formatDrafts, listDrafts } from '../../src/import/drafts.ts';
import { applyReview, sameNameRespelled } from '../../src/import/people-review.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';
import { newsPage } from '../fixtures/pages.ts';

// What an editor decides stays decided when the importer runs again: a completed draft stays
// published, every hand edit of the text the original did not change survives a newer capture,
// a kept capture is never overwritten by other bytes, and a person the editor untagged stays
// untagged when a review is applied again.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

async function readEntry(file: string): Promise<{ data: Record<string, unknown>; body: string }> {
  const parts = splitFrontmatter(await readFile(file, 'utf8'))!;
  return { data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body };
}

async function writeEntry(file: string, data: Record<string, unknown>, body: string) {
  await writeFile(file, `---\n${stringify(data, { lineWidth: 0 }).trimEnd()}\n---\n\n${body.replace(/^\n+/, '')}`);
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Sets a saved page's modification time, which gives its `captured` day. */
async function savedOn(file: string, when: string) {
  const t = new Date(when);
  await utimes(file, t, t);
}

describe('a completed draft stays published', () => {
  const PAGE = path.resolve('tests/fixtures/extraction/table-layout-nested-2003.html');
  const URL_ = 'https://northfield.example/2003/10/17/budget';

  /** The 2003 page (no address, no publication) imported as a draft, and a source for it. */
  async function draft() {
    const { root, inbox } = await scratchArchive('archive-draft-');
    const saved = path.join(inbox, 'budget.html');
    await cp(PAGE, saved);
    await writeFile(
      path.join(root, 'sources', 'northern-ledger.yaml'),
      'name: Northern Ledger\nhomepage: https://northfield.example/\n',
    );
    const first = await importAll([saved], root, options);
    const file = first.outcomes[0]!.article!;
    expect((await readEntry(file)).data.draft).toBe(true);
    return { root, saved, file };
  }

  /** --force, then the saved page again with nothing given: the file stays published, and the report names no draft. */
  async function expectPublishedAfterForce(root: string, saved: string, file: string) {
    const before = (await readEntry(file)).data;
    for (const input of [saved, path.join(root, 'captures', String(before.capture))]) {
      const run = await importAll([input], root, { ...options, force: true });
      expect(run.counts.failed).toBe(0);
      const after = (await readEntry(file)).data;
      expect(after.draft, formatSummary(run, { dryRun: false })).toBeUndefined();
      expect(after).toMatchObject({ url: before.url, source: before.source, published: before.published });
      expect(formatSummary(run, { dryRun: false })).not.toMatch(/updated from the capture: .*draft/);
    }
    expect(formatDrafts(await listDrafts(root), (p) => p)).toBe('0 drafts waiting');
    expect((await checkContent(root)).problems).toEqual([]);
  }

  test('completed by the command --drafts prints', async () => {
    const { root, saved, file } = await draft();
    const listing = formatDrafts(await listDrafts(root), (p) => p, root);
    const command = /complete it: npm run import -- (\S+) --url <the original address> --source <id>/.exec(listing);
    expect(command, listing).not.toBeNull();
    const done = await importAll([command![1]!], root, { ...options, given: { url: URL_, source: 'northern-ledger' } });
    expect(done.counts).toMatchObject({ replaced: 1 });
    expect((await readEntry(file)).data.draft).toBeUndefined();
    await expectPublishedAfterForce(root, saved, file);
  }, 60_000);

  test('completed by hand', async () => {
    const { root, saved, file } = await draft();
    const { data, body } = await readEntry(file);
    delete data.draft;
    await writeEntry(file, { ...data, url: URL_, source: 'northern-ledger' }, body);
    expect((await checkContent(root)).problems).toEqual([]);
    await expectPublishedAfterForce(root, saved, file);
  }, 60_000);

  test('a plain-text draft completed by hand stays published when imported again with --force', async () => {
    const { root, inbox } = await scratchArchive('archive-draft-text-');
    const saved = path.join(inbox, 'note.txt');
    const text = [
      'Council votes to keep the night bus',
      'The city council voted on Tuesday to keep the night bus running on the harbour route for another year, after residents of the east ward petitioned against its closure.',
      'Councilwoman Rosa Delgado, who chairs the transport committee, said the service carried more than four hundred passengers a night during the winter months.',
    ].join('\n\n');
    await writeFile(saved, text);
    const first = await importAll([saved], root, options);
    const file = first.outcomes[0]!.article!;
    const { data, body } = await readEntry(file);
    delete data.draft;
    await writeEntry(
      file,
      { ...data, url: 'https://news.example/night-bus', source: 'the-hill', published: '2026-11-03' },
      body,
    );
    const run = await importAll([saved], root, { ...options, force: true });
    expect(run.counts.failed).toBe(0);
    // Dated now, the file has moved from articles/undated/ to its dated folder.
    const moved = run.outcomes[0]!.article!;
    expect(moved).toBe(path.join(root, 'articles', '2026', '11', path.basename(file)));
    expect((await readEntry(moved)).data).toMatchObject({
      url: 'https://news.example/night-bus',
      published: '2026-11-03',
    });
    expect((await readEntry(moved)).data.draft).toBeUndefined();
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);

  /** A plain-text copy with no address, source or date: the importer keeps it as a draft. */
  const NIGHT_BUS_TEXT = [
    'Council votes to keep the night bus',
    'The city council voted on Tuesday to keep the night bus running on the harbour route for another year, after residents of the east ward petitioned against its closure.',
    'Councilwoman Rosa Delgado, who chairs the transport committee, said the service carried more than four hundred passengers a night during the winter months.',
  ].join('\n\n');

  test.each([
    ['published', { published: '2026-11-03' }, { url: 'https://news.example/night-bus', source: 'the-hill' }],
    ['source', { source: 'the-hill' }, { url: 'https://news.example/night-bus', published: '2026-11-03' }],
  ] as const)(
    'a plain-text draft given its %s by hand, completed by the command --drafts prints for the rest',
    async (_, byHand, given) => {
      const { root, inbox } = await scratchArchive('archive-draft-part-');
      const saved = path.join(inbox, 'note.txt');
      await writeFile(saved, NIGHT_BUS_TEXT);
      const file = (await importAll([saved], root, options)).outcomes[0]!.article!;
      const { data, body } = await readEntry(file);
      // The editor fills in one fact and a topic, leaving draft: true as the importer wrote it.
      await writeEntry(file, { ...data, ...byHand, topics: ['night buses'] }, body);
      const listing = formatDrafts(await listDrafts(root), (p) => p, root);
      const command = /complete it: npm run import -- (\S+) (--.*)$/m.exec(listing);
      expect(command, listing).not.toBeNull();
      for (const option of Object.keys(given)) expect(command![2]).toContain(`--${option} `);
      for (const option of Object.keys(byHand)) expect(command![2]).not.toContain(`--${option} `);
      const run = await importAll([command![1]!], root, { ...options, given });
      const report = formatSummary(run, { dryRun: false });
      expect(run.counts, report).toMatchObject({ replaced: 1, failed: 0 });
      const after = (await readEntry(run.outcomes[0]!.article!)).data;
      expect(after.draft, report).toBeUndefined();
      expect(report).toContain('note: a draft no longer');
      // What the command line gave is not called the capture's.
      const setLine = /^ {2}set as given on the command line: (.*)$/m.exec(report)?.[1];
      expect(setLine?.split(', ').sort(), report).toEqual(Object.keys(given).sort());
      expect(report).not.toMatch(/updated from the capture: .*(url|published)/);
      expect(after).toMatchObject({ ...byHand, ...given, topics: ['night buses'] });
      expect(formatDrafts(await listDrafts(root), (p) => p)).toBe('0 drafts waiting');
      expect((await checkContent(root)).problems).toEqual([]);
    },
    60_000,
  );

  test('a draft the editor made one stays a draft when the same capture is imported again with every fact', async () => {
    const { root, inbox } = await scratchArchive('archive-draft-kept-');
    const saved = path.join(inbox, 'note.txt');
    await writeFile(saved, NIGHT_BUS_TEXT);
    const given = { url: 'https://news.example/night-bus', source: 'the-hill', published: '2026-11-03' };
    const file = (await importAll([saved], root, { ...options, given })).outcomes[0]!.article!;
    const { data, body } = await readEntry(file);
    expect(data.draft).toBeUndefined();
    // The editor withdraws the complete article by hand; the same capture again keeps it withdrawn.
    await writeEntry(file, { ...data, draft: true }, body);
    const run = await importAll([saved], root, { ...options, force: true, given });
    const report = formatSummary(run, { dryRun: false });
    expect((await readEntry(file)).data.draft, report).toBe(true);
    expect(report).toMatch(/nothing written|note: the file has every fact and draft: true, so it stays a draft/);
    expect(report).not.toContain('a draft no longer');
    expect(formatDrafts(await listDrafts(root), (p) => p)).toContain('has every fact: remove draft: true');
  }, 60_000);
});

const URL_ = 'https://coast.example/news/harbour-ferry';
const P = [
  'Harbour Link Ferries will cut its Portmouth service to one boat an hour from April, the operator said on Monday, blaming falling passenger numbers and the cost of fuel.',
  'The operator said the cost of marine diesel had risen by 40% in a year, and that the evening boats often crossed with fewer than twenty passengers on board.',
  'Councilwoman Rosa Delgado said halving a service that thousands of islanders rely on would leave nurses and teachers without a way to reach work on time.',
  'Ferry passengers’ group Crossings Matter has started a petition asking the council to subsidise the evening sailings until the end of the year.',
];
const ferry = (paragraphs: string[], extra = '') =>
  newsPage({
    title: 'Harbour ferry service to be cut to hourly',
    paragraphs,
    url: URL_,
    published: '2025-02-10',
    author: 'Hannah Lowe',
    site: 'Coastal Courier',
  }).replace('</body>', `${extra}</body>`);

/** An archive holding the ferry page saved on 1 November, with two paragraphs edited by hand. */
async function editedFerry() {
  const { root, inbox } = await scratchArchive('archive-ferry-');
  const v1 = path.join(inbox, 'v1.html');
  await writeFile(v1, ferry(P));
  await savedOn(v1, '2026-11-01T10:00:00Z');
  const first = await importAll([v1], root, options);
  const file = first.outcomes[0]!.article!;
  const { data, body } = await readEntry(file);
  const edited = body
    .replace('had risen by 40%', 'had risen by 40% [editor: 38% per the accounts]')
    .replace('halving a service that thousands', 'halving a service that several thousand')
    .replace('Ferry passengers’ group', 'The passengers’ group');
  await writeEntry(file, { ...data, topics: ['ferries'] }, edited);
  return { root, inbox, v1, file };
}

describe('a newer capture merges the hand edits paragraph by paragraph', () => {
  test('edits of paragraphs the original did not change are kept; the one it changed goes with the original, and the report names it', async () => {
    const { root, inbox, file } = await editedFerry();
    const v2 = path.join(inbox, 'v2.html');
    await writeFile(v2, ferry(P.map((p) => p.replace('had risen by 40%', 'had risen by 38%'))));
    await savedOn(v2, '2026-11-20T10:00:00Z');
    const run = await importAll([v2], root, options);
    expect(run.counts).toMatchObject({ versioned: 1, failed: 0 });
    const { data, body } = await readEntry(file);
    expect(body).toContain('had risen by 38% in a year');
    expect(body).not.toContain('[editor:');
    expect(body).toContain('halving a service that several thousand');
    expect(body).toContain('The passengers’ group Crossings Matter');
    expect(data.topics).toEqual(['ferries']);
    const report = formatSummary(run, { dryRun: false });
    expect(report).toMatch(/changed by the original, replacing a hand edit: body \(1 paragraph\)/);
    expect(report).toContain(
      '    the paragraph "The operator said the cost of marine diesel had risen by 40% in a year',
    );
    // The edited file stays as the earlier version, every edit in it.
    const folder = path.join(root, 'versions', '2025', '02', path.basename(file, '.md'));
    const [old] = await readdir(folder);
    expect(await readFile(path.join(folder, old!), 'utf8')).toContain('[editor: 38% per the accounts]');
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);
});

describe('another saved page of the same article, saved the same day', () => {
  test('--force with a changed page: a new capture file, the old one kept, the merge based on the old capture', async () => {
    const { root, inbox, file } = await editedFerry();
    const keptRel = String((await readEntry(file)).data.capture);
    const kept = path.join(root, 'captures', keptRel);
    const keptBytes = await readFile(kept);
    const v1b = path.join(inbox, 'v1-again.html');
    await writeFile(v1b, ferry(P.map((p) => p.replace('one boat an hour', 'a single boat an hour'))));
    await savedOn(v1b, '2026-11-01T18:00:00Z');
    // Without --force it is refused, and the message says how to go on.
    const refused = await importAll([v1b], root, options);
    expect(refused.counts).toMatchObject({ failed: 1 });
    // The hint says what --force keeps, so following it is never a step into the unknown.
    expect(refused.outcomes[0]!.reason).toMatch(
      /use --force to merge this capture into that version: every hand edit is kept, the capture there stays, and the file is copied aside first$/,
    );
    const run = await importAll([v1b], root, { ...options, force: true });
    expect(run.counts).toMatchObject({ replaced: 1, failed: 0 });
    const report = formatSummary(run, { dryRun: false });
    // The kept capture is never overwritten by other bytes.
    expect(await readFile(kept)).toEqual(keptBytes);
    const { data, body } = await readEntry(file);
    expect(data.capture).not.toBe(keptRel);
    const newBytes = await readFile(path.join(root, 'captures', String(data.capture)));
    expect(newBytes).toEqual(await readFile(v1b));
    expect(data.captureSha256).toBe(sha256(newBytes));
    // The new capture's change is in the text, and so are the editor's edits.
    expect(body).toContain('a single boat an hour');
    expect(body).toContain('[editor: 38% per the accounts]');
    expect(body).toContain('The passengers’ group Crossings Matter');
    expect(report).toContain(keptRel);
    const backup = /previous file kept as (\S+)/.exec(report)?.[1];
    expect(backup, report).toBeDefined();
    expect(existsSync(path.resolve(backup!))).toBe(true);
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);

  test('the same text in other bytes: skipped without offering --force; with --force the kept capture stays as it is', async () => {
    const { root, inbox } = await scratchArchive('archive-ferry-same-');
    const v1 = path.join(inbox, 'v1.html');
    await writeFile(v1, ferry(P));
    await savedOn(v1, '2026-11-01T10:00:00Z');
    const file = (await importAll([v1], root, options)).outcomes[0]!.article!;
    const keptRel = String((await readEntry(file)).data.capture);
    const kept = path.join(root, 'captures', keptRel);
    const keptBytes = await readFile(kept);
    const other = path.join(inbox, 'other.html');
    await writeFile(other, ferry(P, '<script>window.x = 1;</script>'));
    await savedOn(other, '2026-11-01T18:00:00Z');
    const skipped = await importAll([other], root, options);
    expect(skipped.counts).toMatchObject({ skipped: 1 });
    expect(skipped.outcomes[0]!.reason).not.toContain('--force');
    const run = await importAll([other], root, { ...options, force: true });
    expect(run.counts.failed).toBe(0);
    expect(await readFile(kept)).toEqual(keptBytes);
    const { data } = await readEntry(file);
    const named = await readFile(path.join(root, 'captures', String(data.capture)));
    expect(data.captureSha256).toBe(sha256(named));
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);
});

describe('the same story saved from another address', () => {
  test('is skipped, with or without --force, and the kept capture stays as it is', async () => {
    const { root, inbox } = await scratchArchive('archive-lighthouse-');
    const [a, b] = [path.join(inbox, 'chrome.html'), path.join(inbox, 'teaser-rail.html')];
    await cp(path.resolve('tests/fixtures/extraction/set-76-chrome-and-prompts-en.html'), a);
    await cp(path.resolve('tests/fixtures/extraction/set-26-teaser-rail-authors-en.html'), b);
    const first = await importAll([a], root, options);
    const file = first.outcomes[0]!.article!;
    const { data } = await readEntry(file);
    const kept = path.join(root, 'captures', String(data.capture));
    for (const force of [false, true]) {
      const run = await importAll([b], root, { ...options, force });
      expect(run.counts).toMatchObject({ skipped: 1 });
      expect(run.outcomes[0]!.reason).toMatch(/\(same text\)/);
      expect(run.outcomes[0]!.reason).not.toContain('--force');
      expect(await readFile(kept)).toEqual(await readFile(a));
      expect((await readEntry(file)).data).toEqual(data);
    }
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);
});

describe('applying a people review again', () => {
  test('a tag the editor removed stays removed; rewritten articles are backed up and named; list style is kept', async () => {
    const { root, inbox } = await scratchArchive('archive-apply-');
    const saved = path.join(inbox, 'ferry.html');
    await writeFile(saved, ferry(P));
    const reviewFile = path.join(path.dirname(root), 'review.txt');
    const first = await importAll([saved], root, { ...options, addPeople: true, reviewFile });
    const file = first.outcomes[0]!.article!;
    // The editor writes the topics as a flow list.
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^topics: \[\]$/m, 'topics: [ferries, transport]'));
    const review = await readFile(reviewFile, 'utf8');
    await writeFile(reviewFile, review.replace('drop | Rosa Delgado', 'keep | Rosa Delgado'));
    const before = await readFile(file, 'utf8');
    const applied = await applyReview(reviewFile, root);
    expect(applied.added).toEqual([{ id: 'rosa-delgado', name: 'Rosa Delgado' }]);
    expect(applied.tagged).toHaveLength(1);
    const backup = applied.backups[0];
    expect(backup).toBeDefined();
    expect(await readFile(backup!, 'utf8')).toBe(before);
    const after = await readFile(file, 'utf8');
    expect(after).toMatch(/^topics: \[ferries, transport\]$/m);
    expect((await readEntry(file)).data.people).toEqual(['rosa-delgado']);
    // The editor takes the tag off by hand; the same review applied again leaves it off.
    await writeFile(file, after.replace(/^people:\n {2}- rosa-delgado$/m, 'people: []'));
    expect((await readEntry(file)).data.people).toEqual([]);
    const again = await applyReview(reviewFile, root);
    expect(again.added).toEqual([]);
    expect(again.tagged).toEqual([]);
    expect(await readFile(reviewFile, 'utf8')).toMatch(/^added \| Rosa Delgado \| in: /m);
    expect((await readEntry(file)).data.people).toEqual([]);
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);
});

describe('what the report says', () => {
  test('a page without an address is not called "same original URL"; a value the file keeps is not "left empty"', async () => {
    const { root, inbox } = await scratchArchive('archive-report-');
    const note = path.join(inbox, 'note.txt');
    await writeFile(note, ['Council keeps the night bus', '', ...P].join('\n\n'));
    await importAll([note], root, options);
    const again = await importAll([note], root, options);
    expect(again.counts).toMatchObject({ skipped: 1 });
    expect(again.outcomes[0]!.reason).not.toContain('same original URL');
    // The ferry page states no dek; the editor writes one, and --force keeps it.
    const ferryArchive = await editedFerry();
    const { data, body } = await readEntry(ferryArchive.file);
    await writeEntry(ferryArchive.file, { ...data, dek: 'Fewer boats from April.' }, body);
    const run = await importAll([ferryArchive.v1], ferryArchive.root, { ...options, force: true });
    const file = ferryArchive.file;
    expect((await readEntry(file)).data.dek).toBe('Fewer boats from April.');
    expect(run.outcomes[0]!.missing).not.toContain('dek');
  }, 60_000);

  test('--add-people proposes the names the import printed, also where the text links them', async () => {
    const { root, inbox } = await scratchArchive('archive-links-');
    const page = path.join(inbox, 'hill.html');
    await cp(path.resolve('tests/fixtures/extraction/hill-hovercards.html'), page);
    const run = await importAll([page], root, options);
    const printed = [...run.proposed.keys()];
    expect(printed).toEqual(expect.arrayContaining(['Charles Schumer', 'Mitch McConnell']));
    const reviewFile = path.join(path.dirname(root), 'review.txt');
    await importAll([], root, { ...options, addPeople: true, reviewFile });
    const review = await readFile(reviewFile, 'utf8');
    for (const name of printed) expect(review).toContain(`| ${name} |`);
  }, 60_000);
});

describe('a spelling corrected in the review file', () => {
  test('the articles’ spelling becomes an alias and is not proposed again; another person of the same surname is no alias', async () => {
    const { root, inbox } = await scratchArchive('archive-spelling-');
    const saved = path.join(inbox, 'court.html');
    await writeFile(
      saved,
      newsPage({
        title: 'Three men appear in court',
        paragraphs: [
          'On Friday, John Musgrave, 54, Sean Musgrave, 30, both of Wordsworth Avenue, and a third man denied the charge at the crown court in the city centre.',
          ...P.slice(1),
        ],
        url: 'https://coast.example/news/court',
        published: '2019-09-27',
        site: 'Coastal Courier',
      }),
    );
    const reviewFile = path.join(path.dirname(root), 'review.txt');
    await importAll([saved], root, { ...options, addPeople: true, reviewFile });
    const review = await readFile(reviewFile, 'utf8');
    expect(review).toMatch(/^drop \| Sean Musgrave \|/m);
    await writeFile(reviewFile, review.replace('drop | Sean Musgrave', 'keep | Sean R. Musgrave'));
    const applied = await applyReview(reviewFile, root);
    expect(applied.added).toEqual([{ id: 'sean-r-musgrave', name: 'Sean R. Musgrave', aliases: ['Sean Musgrave'] }]);
    const again = await importAll([], root, { ...options, addPeople: true, reviewFile });
    expect([...again.proposed.keys()]).not.toContain('Sean Musgrave');
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);

  test.each([
    ['Sean Musgrave', 'Sean R. Musgrave', true],
    ['Shaun Musgrave', 'Sean Musgrave', true],
    ['Sean Musgrove', 'Sean Musgrave', true],
    ['John Musgrave', 'Sean R. Musgrave', false],
    ['Dean Musgrave', 'Sean Musgrave', false],
    ['Sean Musgrave', 'Sean Musgrave', false],
    ['Musgrave', 'Sean Musgrave', false],
  ])('%s is %s respelled: %s', (found, corrected, expected) => {
    expect(sameNameRespelled(found, corrected)).toBe(expected);
  });
});
