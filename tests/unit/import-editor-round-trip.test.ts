import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { checkContent } from '../../src/content/check.ts';
import { formatDrafts, listDrafts } from '../../src/import/drafts.ts';
import { applyReview } from '../../src/import/people-review.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { htmlResponse, warcFile } from '../helpers/web-archive.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';
import { newsPage } from '../fixtures/pages.ts';

// An editor's round trip: import a saved page and a web archive, edit the articles by hand
// (people with roles, topics, an editor's note, a fixed headline and byline, a corrected
// paragraph), then import again with every option the README offers (none, --force,
// --add-people, both, --dry-run, a newer capture) and apply a people review. Nothing the editor
// wrote may be lost, and every replaced file must be recoverable.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

const FERRY_URL = 'https://coast.example/news/ferry-timetable';
const WATER_URL = 'https://coast.example/news/water-rates';

const ferryParagraphs = [
  'Harbour Link Ferries will add an evening sailing to Portmouth from March, the operator said on Monday, after two years of complaints from commuters about the last boat leaving at six.',
  'Councilwoman Rosa Delgado said the new timetable was a start but that fares remained too high for families who cross every day to reach the hospital and the schools on the island.',
  'The Lisa Tran Quartet will play on the first evening crossing, and the operator promised free coffee for a week to win back riders who had switched to the bridge.',
  'Judge Dana Marks, who lives on the island, said the late boat would let her reach evening hearings without taking the long road round the bay through three towns.',
];

const waterParagraphs = (third: string) => [
  'Water bills in Portmouth will rise by 9% from October after the utility board approved a new rate schedule on Tuesday, the largest increase in a decade for the town.',
  'The board said the money would pay for replacing lead service lines in the oldest neighbourhoods, a project expected to cost $120 million over eight years of work.',
  third,
  'Board chair Denise Howard said the increase was unavoidable, and that every year of delay made the pipes older and the work dearer for everyone in the district.',
];
const THIRD_V1 =
  'An average household will pay about $6 more a month, according to the utility, which serves roughly 85,000 customers across the district and two villages.';
const THIRD_V2 =
  'An average household will pay about $8.50 more a month, the utility said in a correction, after the first figure left out the new sewer charge for the district.';

const ferryPage = () =>
  newsPage({
    title: 'Ferry adds evening sailing',
    paragraphs: ferryParagraphs,
    url: FERRY_URL,
    published: '2026-02-10',
    author: 'Sam Ortiz Staff Writer',
    site: 'Coast News',
  });
/** The ferry story as another site prints it, with a plain byline. */
const courierPage = () =>
  newsPage({
    title: 'Ferry adds evening sailing',
    paragraphs: ferryParagraphs,
    url: FERRY_URL,
    published: '2026-02-10',
    author: 'Sam Ortiz',
    site: 'Coastal Courier',
  });
const waterPage = (third: string) =>
  newsPage({
    title: 'Water rates to rise',
    paragraphs: waterParagraphs(third),
    url: WATER_URL,
    published: '2026-03-03',
    author: 'Grace Kim',
    site: 'Coast News',
  });

/** Front matter and body of a Markdown file. */
async function readEntry(file: string): Promise<{ data: Record<string, unknown>; body: string }> {
  const parts = splitFrontmatter(await readFile(file, 'utf8'))!;
  return { data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body };
}

/** What an editor does to an article by hand, as the README's "Adding an article by hand" describes. */
async function editByHand(file: string, edits: { title: string; authors: string[]; from: string; to: string }) {
  const { data, body } = await readEntry(file);
  const edited = {
    ...data,
    title: edits.title,
    authors: edits.authors,
    people: [{ id: 'dana-marks', role: 'Immigration judge' }, 'jeff-sessions'],
    topics: ['transport', 'local government'],
    editorsNote: 'Corrected on 12 March: the original misspelled the operator’s name.',
  };
  expect(body).toContain(edits.from);
  // A comment in the front matter is the editor's too.
  const yaml = stringify(edited, { lineWidth: 0 })
    .trimEnd()
    .replace(/^title: .*$/m, `$&\n${COMMENT}`);
  await writeFile(file, `---\n${yaml}\n---\n\n${body.replace(edits.from, edits.to)}`);
}

const COMMENT = '# headline checked with the news desk';

const FERRY_EDIT = {
  title: 'Ferry operator adds an evening sailing to Portmouth',
  authors: ['Sam Ortiz', 'Ana Ruiz'],
  from: 'after two years of complaints',
  to: 'after three years of complaints',
};
const WATER_EDIT = {
  title: 'Water rates to rise 9% in Portmouth',
  authors: ['Grace Kim', 'Lee Park'],
  from: 'the largest increase in a decade for the town',
  to: 'the largest increase in a decade for the town [sic]',
};

/** Asserts that every hand edit is still in the file. */
async function expectEdits(file: string, edits: typeof FERRY_EDIT, { title = true } = {}) {
  const { data, body } = await readEntry(file);
  if (title) expect(data.title).toBe(edits.title);
  expect(data.authors).toEqual(edits.authors);
  expect(data.people).toEqual(
    expect.arrayContaining([{ id: 'dana-marks', role: 'Immigration judge' }, 'jeff-sessions']),
  );
  expect(data.topics).toEqual(['transport', 'local government']);
  expect(data.editorsNote).toBe('Corrected on 12 March: the original misspelled the operator’s name.');
  expect(body).toContain(edits.to);
  expect(await readFile(file, 'utf8')).toContain(COMMENT);
}

/** An archive with the ferry page and the water story's first capture imported, then edited by hand. */
async function editedArchive() {
  const { root, inbox } = await scratchArchive('archive-editor-');
  const saved = path.join(inbox, 'ferry.html');
  await writeFile(saved, ferryPage());
  const warc = path.join(inbox, 'crawl.warc.gz');
  await writeFile(warc, await warcFile([htmlResponse(WATER_URL, '2026-03-03T10:00:00Z', waterPage(THIRD_V1))], true));
  const first = await importAll([saved, warc], root, options);
  expect(first.counts).toMatchObject({ imported: 2, failed: 0 });
  const ferry = first.outcomes[0]!.article!;
  const water = first.outcomes[1]!.article!;
  await editByHand(ferry, FERRY_EDIT);
  await editByHand(water, WATER_EDIT);
  expect((await checkContent(root)).problems).toEqual([]);
  return { root, inbox, saved, warc, ferry, water };
}

describe("an editor's round trip", () => {
  test('every option the README offers, run again over the same captures, keeps every hand edit', async () => {
    const { root, saved, warc, ferry, water } = await editedArchive();
    const runs = [
      {},
      { force: true },
      { addPeople: true, reviewFile: path.join(path.dirname(root), 'review.txt') },
      { addPeople: true, force: true, reviewFile: path.join(path.dirname(root), 'review.txt') },
      { dryRun: true, force: true },
    ];
    for (const extra of runs) {
      const run = await importAll([saved, warc], root, { ...options, ...extra });
      expect(run.counts.failed, JSON.stringify(extra)).toBe(0);
      // The hint for new people never sends the user to --force.
      const report = formatSummary(run, { dryRun: Boolean(extra.dryRun) });
      expect(
        report
          .split('\n')
          .filter((l) => /review|add-people/i.test(l))
          .join('\n'),
      ).not.toMatch(/--force/);
      await expectEdits(ferry, FERRY_EDIT);
      await expectEdits(water, WATER_EDIT);
      // --add-people over captures already archived reviews their articles.
      if (extra.addPeople && !extra.force) {
        expect(run.counts.skipped).toBe(2);
        expect(await readFile(extra.reviewFile, 'utf8')).toMatch(/^drop \| Rosa Delgado \|/m);
      }
    }
    expect((await checkContent(root)).problems).toEqual([]);
  }, 120_000);

  test('a newer capture keeps the hand edits the original did not overrule, and the old text stays as a version', async () => {
    const { root, inbox, water } = await editedArchive();
    const newer = path.join(inbox, 'crawl-2.warc.gz');
    await writeFile(
      newer,
      await warcFile([htmlResponse(WATER_URL, '2026-03-05T10:00:00Z', waterPage(THIRD_V2))], true),
    );
    const run = await importAll([newer], root, options);
    expect(run.counts).toMatchObject({ versioned: 1, failed: 0 });
    // The original changed one paragraph; the editor's corrections elsewhere are carried over.
    await expectEdits(water, WATER_EDIT);
    const { body } = await readEntry(water);
    expect(body).toContain('$8.50 more a month');
    // The capture before it keeps the editor's text as it was.
    const folder = path.join(root, 'versions', path.relative(path.join(root, 'articles'), water).replace(/\.md$/, ''));
    const [old] = await readdir(folder);
    await expectEdits(path.join(folder, old!), WATER_EDIT);
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);

  test("a newer capture at another form of the address keeps the article's address and source", async () => {
    const { root, inbox, water } = await editedArchive();
    const before = (await readEntry(water)).data;
    const other = WATER_URL.replace('https:', 'http:') + '/';
    const newer = path.join(inbox, 'crawl-3.warc.gz');
    await writeFile(newer, await warcFile([htmlResponse(other, '2026-03-05T10:00:00Z', waterPage(THIRD_V2))], true));
    const run = await importAll([newer], root, options);
    expect(run.counts).toMatchObject({ versioned: 1 });
    const after = (await readEntry(water)).data;
    expect(after.url).toBe(before.url);
    expect(after.source).toBe(before.source);
    expect((after.warc as { targetUri: string }).targetUri).toBe(other);
  }, 60_000);

  test('a review made over archived articles proposes no organization, keeps earlier marks and applies without losing edits', async () => {
    const { root, ferry, water } = await editedArchive();
    const reviewFile = path.join(path.dirname(root), 'review.txt');
    // No captures: the review is made from the articles already archived.
    const first = await importAll([], root, { ...options, addPeople: true, reviewFile });
    expect(first.reviewFile).toBe(reviewFile);
    let review = await readFile(reviewFile, 'utf8');
    expect(review).toMatch(/^drop \| Rosa Delgado \| in: 2026\/02\/ferry-adds-evening-sailing\.md$/m);
    expect(review).toMatch(/^drop \| Denise Howard \| in: 2026\/03\/water-rates-to-rise\.md$/m);
    for (const organization of ['Harbour Link', 'Lisa Tran']) expect(review).not.toContain(organization);
    await writeFile(reviewFile, review.replace('drop | Rosa Delgado', 'keep | Rosa Delgado'));
    // Another review run over the same archive keeps the mark not yet applied.
    const again = await importAll([], root, { ...options, addPeople: true, reviewFile });
    expect(again.reviewFile).toBe(reviewFile);
    review = await readFile(reviewFile, 'utf8');
    expect(review).toMatch(/^keep \| Rosa Delgado \|/m);
    const applied = await applyReview(reviewFile, root);
    expect(applied.added).toEqual([{ id: 'rosa-delgado', name: 'Rosa Delgado' }]);
    // No generated description that goes stale ("Named in 1 archived article.").
    expect(await readFile(path.join(root, 'people', 'rosa-delgado.yaml'), 'utf8')).not.toMatch(/Named in \d+ archived/);
    await expectEdits(ferry, FERRY_EDIT);
    await expectEdits(water, WATER_EDIT);
    expect((await readEntry(ferry)).data.people).toContain('rosa-delgado');
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);

  test('a run that rewrites an edited file keeps the previous file where the report says', async () => {
    const { root, saved, ferry } = await editedArchive();
    const before = await readFile(ferry, 'utf8');
    const run = await importAll([saved], root, { ...options, force: true });
    const report = formatSummary(run, { dryRun: false });
    expect(report).toMatch(/^ {2}kept as edited in the file: title, authors, people, topics, editorsNote, body$/m);
    expect(report).toContain('    title: the capture gives "Ferry adds evening sailing"');
    const backup = /previous file kept as (\S+)/.exec(report)?.[1];
    expect(backup, report).toBeDefined();
    expect(await readFile(path.resolve(backup!), 'utf8')).toBe(before);
    expect(existsSync(ferry)).toBe(true);
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);
});

describe("the editor's corrections of quotations, organizations and picture", () => {
  const URL_ = 'https://coast.example/news/judges-union';
  const paragraphs = (last: string) => [
    'The union representing the country’s immigration judges criticised the attorney general on Monday for remarks it said questioned the independence of the courts.',
    '“We will not be told how to decide our cases,” said Judge Dana Marks, who speaks for the union, adding that judges would keep applying the law as written.',
    'The Justice Department said the remarks had been misunderstood and that it valued the work of the judges in clearing a backlog of cases.',
    last,
  ];
  const judgesPage = (last: string) =>
    newsPage({
      title: 'Judges’ union hits back',
      paragraphs: paragraphs(last),
      url: URL_,
      published: '2026-03-02',
      site: 'Coast News',
    });
  const EDITS = {
    quotes: [{ text: 'We will not be told how to decide our cases', person: 'dana-marks' }],
    organizations: ['National Association of Immigration Judges'],
    image: { original: 'https://coast.example/img/judges.jpg', alt: 'Judges outside the court', credit: 'Coast News' },
  };

  test('survive --force, --add-people --force and a newer capture, and the check passes', async () => {
    const { root, inbox } = await scratchArchive('archive-corrections-');
    const warc = path.join(inbox, 'judges.warc.gz');
    const first =
      'The union said it would raise the matter with the department’s leadership later in the week, after its members met in Washington.';
    await writeFile(warc, await warcFile([htmlResponse(URL_, '2026-03-02T10:00:00Z', judgesPage(first))], true));
    const file = (await importAll([warc], root, options)).outcomes[0]!.article!;
    const { data, body } = await readEntry(file);
    expect(data.people).toContain('dana-marks');
    await writeFile(file, `---\n${stringify({ ...data, ...EDITS }, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`);
    expect((await checkContent(root)).problems).toEqual([]);
    for (const extra of [
      { force: true },
      { force: true, addPeople: true, reviewFile: path.join(inbox, 'review.txt') },
    ]) {
      const run = await importAll([warc], root, { ...options, ...extra });
      expect(run.counts.failed).toBe(0);
      expect((await readEntry(file)).data).toMatchObject(EDITS);
    }
    const newer = path.join(inbox, 'judges-2.warc.gz');
    const changed = first.replace('later in the week', 'on Thursday');
    await writeFile(newer, await warcFile([htmlResponse(URL_, '2026-03-04T10:00:00Z', judgesPage(changed))], true));
    const run = await importAll([newer], root, options);
    expect(run.counts).toMatchObject({ versioned: 1, failed: 0 });
    const after = await readEntry(file);
    expect(after.data).toMatchObject(EDITS);
    expect(after.body).toContain('on Thursday');
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);
});

describe('a partial capture', () => {
  test("the importer's teaser note and the editor's note both stay, once each, however often it is imported again", async () => {
    const { root, inbox } = await scratchArchive('archive-partial-');
    const stub = path.join(inbox, 'stub.html');
    await cp(path.resolve('tests/fixtures/import-cases/subscriber-only-stub/stub.html'), stub);
    const first = await importAll([stub], root, options);
    const file = first.outcomes[0]!.article!;
    const { data, body } = await readEntry(file);
    const teaser = String(data.editorsNote);
    const mine = 'The full text was requested from the publisher on 3 March.';
    await writeFile(
      file,
      `---\n${stringify({ ...data, editorsNote: `${teaser} ${mine}` }, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`,
    );
    for (let i = 0; i < 2; i++) {
      const run = await importAll([stub], root, { ...options, force: true });
      expect(run.counts.failed).toBe(0);
      // Once the merge gives what the file holds, nothing is rewritten, and nothing counted as replaced.
      if (i > 0) {
        expect(run.counts).toMatchObject({ replaced: 0, skipped: 1 });
        expect(run.outcomes[0]!.reason).toContain('gives what the file already holds: nothing written');
      }
      const after = await readEntry(file);
      expect(after.data.editorsNote).toBe(`${teaser} ${mine}`);
      expect(after.data.draft).toBe(true);
    }
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);
});

describe('review files', () => {
  test('by default in the content folder, which the check accepts; one made for another folder is left alone', async () => {
    const { root } = await editedArchive();
    const first = await importAll([], root, { ...options, addPeople: true });
    expect(first.reviewFile).toBe(path.join(root, 'people-review.txt'));
    expect((await checkContent(root)).problems).toEqual([]);
    const { root: other } = await scratchArchive('archive-editor-other-');
    const foreign = '# content folder: ' + other + '\nkeep | Someone Else | in: 2020/01/x.md\n';
    await writeFile(first.reviewFile!, foreign);
    const second = await importAll([], root, { ...options, addPeople: true });
    expect(second.reviewFile).toBe(path.join(root, 'people-review-2.txt'));
    expect(await readFile(first.reviewFile!, 'utf8')).toBe(foreign);
    expect(formatSummary(second, { dryRun: false })).toContain('was made for the content folder');
  }, 60_000);

  test('a dry run of --add-people writes no review file', async () => {
    const { root } = await editedArchive();
    const run = await importAll([], root, { ...options, addPeople: true, dryRun: true });
    expect(run.proposed.size).toBeGreaterThan(0);
    expect(existsSync(path.join(root, 'people-review.txt'))).toBe(false);
    expect(formatSummary(run, { dryRun: true })).toContain('Would write them to');
  }, 60_000);
});

/** `npm run import` in a process of its own. */
const cli = (args: string[]) =>
  spawnSync(path.resolve('node_modules/.bin/node'), ['scripts/import.ts', ...args], { encoding: 'utf8' });

describe('from the command line', () => {
  test('--add-people alone reviews the archive, --drafts lists the drafts', async () => {
    const { root, inbox } = await scratchArchive('archive-cli-');
    const file = path.join(inbox, 'ferry.txt');
    await writeFile(file, ['Ferry adds evening sailing', '', ...ferryParagraphs].join('\n\n'));
    expect(cli(['--content', root, file]).status).toBe(0);
    const review = cli(['--content', root, '--add-people']);
    expect(review.status, review.stderr).toBe(0);
    expect(review.stdout).toContain('1 archived article read for names not yet in people/ (nothing imported)');
    expect(await readFile(path.join(root, 'people-review.txt'), 'utf8')).toMatch(/^drop \| Rosa Delgado \|/m);
    const drafts = cli(['--content', root, '--drafts']);
    expect(drafts.status, drafts.stderr).toBe(0);
    expect(drafts.stdout).toContain('"Ferry adds evening sailing" (lacks url, source, published)');
    expect(drafts.stdout.trim()).toMatch(/1 draft waiting$/);
  }, 60_000);

  test('applying a review counts people and tags in the right number', async () => {
    const { root, inbox } = await scratchArchive('archive-cli-apply-');
    const file = path.join(inbox, 'ferry.html');
    await writeFile(file, courierPage());
    expect(cli(['--content', root, '--add-people', file]).status).toBe(0);
    const reviewFile = path.join(root, 'people-review.txt');
    await writeFile(
      reviewFile,
      (await readFile(reviewFile, 'utf8')).replace(/^drop \| Rosa Delgado/m, 'keep | Rosa Delgado'),
    );
    const dry = cli(['--content', root, '--apply-people', reviewFile, '--dry-run']);
    expect(dry.stdout).toContain('1 person would be added, 1 article tag would be added (dry run: nothing written)');
    const applied = cli(['--content', root, '--apply-people', reviewFile]);
    expect(applied.stdout).toContain('1 person added, 1 article tag added.');
    expect(cli(['--content', root, '--apply-people', reviewFile]).stdout).toContain(
      '0 people added, 0 article tags added.',
    );
  }, 60_000);

  // What one of these options does leaves no room for the others: given with them, the command
  // stops before doing anything, rather than doing one thing and leaving the rest undone unsaid.
  test.each([
    ['--apply-people with files to import', (review: string, file: string) => ['--apply-people', review, file]],
    ['--apply-people with --add-people', (review: string) => ['--apply-people', review, '--add-people']],
    ['--apply-people with --force', (review: string) => ['--apply-people', review, '--force']],
    ['--drafts with files to import', (_: string, file: string) => ['--drafts', file]],
    ['--drafts with --add-people', () => ['--drafts', '--add-people']],
    ['--review without --add-people', (review: string, file: string) => ['--review', review, file]],
    ['--url without files to import', () => ['--add-people', '--url', FERRY_URL]],
  ])(
    '%s is refused, naming what to run instead, and changes nothing',
    async (_, args) => {
      const { root, inbox } = await scratchArchive('archive-cli-combo-');
      const file = path.join(inbox, 'ferry.html');
      await writeFile(file, courierPage());
      const review = path.join(root, 'people-review.txt');
      const run = cli(['--content', root, ...args(review, file)]);
      expect(run.status, run.stdout).toBe(2);
      expect(run.stderr).toMatch(/npm run import: .+ (cannot be combined with|only with) .+/);
      expect(existsSync(path.join(root, 'articles'))).toBe(false);
      expect(existsSync(review)).toBe(false);
    },
    60_000,
  );
});

describe("one article's facts given for many captures", () => {
  // --url and --published state the facts of one article: given for a folder, several files or a
  // web archive they would make every capture that article (different stories merged as its
  // versions, every record of a crawl dated alike). The run refuses them and writes nothing.
  test.each([
    ['a folder of two stories with --url', { url: 'https://coast.example/news/one-story' }, 'folder'],
    ['two files with --published', { published: '2026-02-10' }, 'files'],
    ['a web archive with --published', { published: '2026-02-10' }, 'warc'],
  ] as const)(
    '%s: every capture refused, nothing written',
    async (_, given, kind) => {
      const { root, inbox } = await scratchArchive('archive-given-many-');
      const ferry = path.join(inbox, 'ferry.html');
      const water = path.join(inbox, 'water.html');
      await writeFile(ferry, ferryPage());
      await writeFile(water, waterPage(THIRD_V1));
      const warc = path.join(path.dirname(inbox), 'crawl.warc.gz');
      await writeFile(
        warc,
        await warcFile([htmlResponse(WATER_URL, '2026-03-03T10:00:00Z', waterPage(THIRD_V1))], true),
      );
      const inputs = kind === 'folder' ? [inbox] : kind === 'files' ? [ferry, water] : [warc];
      const run = await importAll(inputs, root, { ...options, given });
      const report = formatSummary(run, { dryRun: false });
      expect(run.counts.failed, report).toBeGreaterThan(0);
      expect(run.counts).toMatchObject({ imported: 0, versioned: 0, replaced: 0 });
      expect(report).toMatch(
        /--(url|published) states the facts of one article: give it with one saved page or text copy/,
      );
      expect(existsSync(path.join(root, 'articles'))).toBe(false);
    },
    60_000,
  );

  test('one saved page with --url still takes it', async () => {
    const { root, inbox } = await scratchArchive('archive-given-one-');
    const ferry = path.join(inbox, 'ferry.html');
    await writeFile(ferry, ferryPage());
    const run = await importAll([ferry], root, { ...options, given: { url: 'https://coast.example/news/ferry-2' } });
    expect(run.counts).toMatchObject({ imported: 1, failed: 0 });
  }, 60_000);
});

describe('plain-text drafts', () => {
  const text = ['Ferry adds evening sailing', '', ...ferryParagraphs.flatMap((p) => [p, ''])].join('\n');

  test('the report names the options that complete a draft, --drafts lists it, and the re-import completes it keeping hand edits', async () => {
    const { root, inbox } = await scratchArchive('archive-drafts-');
    const file = path.join(inbox, 'ferry.txt');
    await writeFile(file, text);
    const first = await importAll([file], root, options);
    const report = formatSummary(first, { dryRun: false });
    expect(report).toContain('--url <the original address> --source <an id from sources/> --published YYYY-MM-DD');
    const draft = first.outcomes[0]!.article!;
    const listing = formatDrafts(await listDrafts(root), (p) => p);
    expect(listing).toContain(`${draft}: "Ferry adds evening sailing" (lacks url, source, published)`);
    expect(listing).toMatch(/complete it: npm run import -- \S+ferry-adds-evening-sailing\.txt --url/);
    expect(listing).toMatch(/1 draft waiting$/);
    // The editor adds topics and a note by hand, then completes the draft with the options.
    const { data, body } = await readEntry(draft);
    await writeFile(
      draft,
      `---\n${stringify({ ...data, topics: ['transport'], editorsNote: 'Checked against the print edition.' }, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`,
    );
    const done = await importAll([file], root, {
      ...options,
      given: { url: FERRY_URL, source: 'the-hill', published: '2026-02-10' },
    });
    expect(done.counts).toMatchObject({ replaced: 1 });
    // Dated now, it has moved to its dated folder, with nothing left behind.
    expect(done.outcomes[0]!.article).toBe(path.join(root, 'articles', '2026', '02', path.basename(draft)));
    expect(existsSync(draft)).toBe(false);
    const completed = await readEntry(done.outcomes[0]!.article!);
    expect(completed.data).toMatchObject({
      url: FERRY_URL,
      source: 'the-hill',
      published: '2026-02-10',
      topics: ['transport'],
      editorsNote: 'Checked against the print edition.',
    });
    expect(completed.data.draft).toBeUndefined();
    expect(formatDrafts(await listDrafts(root), (p) => p)).toBe('0 drafts waiting');
    expect((await checkContent(root)).problems).toEqual([]);
  }, 60_000);
});

describe('a dry run reports what the real run does', () => {
  const CASE = path.resolve('tests/fixtures/import-cases/two-captures-warc/northstar.warc.gz');

  /** The report of a dry run and of the real run, with the dry run's own wording set aside. */
  async function both(
    prepare: (root: string, inbox: string) => Promise<string[]>,
    extra: (root: string) => Record<string, unknown> = () => ({}),
  ) {
    const { root, inbox } = await scratchArchive('archive-dry-');
    const inputs = await prepare(root, inbox);
    const same = { ...options, ...extra(root), backupStamp: '2026-03-12T09-30-00Z' };
    const dry = await importAll(inputs, root, { ...same, dryRun: true });
    const real = await importAll(inputs, root, same);
    // The report, every line of it, but for the dry run's own wording ("would write…", the texts).
    expect(formatSummary(dry, { dryRun: false })).toBe(formatSummary(real, { dryRun: false }));
    const shape = (run: typeof dry) =>
      run.outcomes.map((o) => ({
        status: o.status,
        entry: o.entry,
        article: o.article,
        written: o.written,
        version: o.version,
      }));
    return { dry, real, shape };
  }

  test('a WARC with two captures of one article: one article and one version, the source once', async () => {
    const { dry, real, shape } = await both(async (_root, inbox) => {
      await cp(CASE, path.join(inbox, 'northstar.warc.gz'));
      return [path.join(inbox, 'northstar.warc.gz')];
    });
    expect(real.counts).toMatchObject({ imported: 1, versioned: 1 });
    expect(dry.counts).toEqual(real.counts);
    expect(shape(dry)).toEqual(shape(real));
    const sources = shape(dry)
      .flatMap((o) => o.written)
      .filter((f) => f.includes(`${path.sep}sources${path.sep}`));
    expect(sources).toHaveLength(1);
  }, 60_000);

  test('the same page twice in a folder, and a newer capture of an archived article', async () => {
    const { dry, real, shape } = await both(async (root, inbox) => {
      await writeFile(path.join(inbox, 'a.html'), ferryPage());
      await writeFile(path.join(inbox, 'b.html'), ferryPage());
      const warc = path.join(inbox, 'first.warc.gz');
      await writeFile(
        warc,
        await warcFile([htmlResponse(WATER_URL, '2026-03-03T10:00:00Z', waterPage(THIRD_V1))], true),
      );
      await importAll([warc], root, options);
      const newer = path.join(inbox, 'newer.warc.gz');
      await writeFile(
        newer,
        await warcFile([htmlResponse(WATER_URL, '2026-03-05T10:00:00Z', waterPage(THIRD_V2))], true),
      );
      return [path.join(inbox, 'a.html'), path.join(inbox, 'b.html'), newer];
    });
    expect(real.counts).toMatchObject({ imported: 1, skipped: 1, versioned: 1 });
    expect(dry.counts).toEqual(real.counts);
    expect(shape(dry)).toEqual(shape(real));
  }, 60_000);

  test('--force and --add-people over edited articles: the merge, the copies kept and the review file', async () => {
    const { dry, real, shape } = await both(
      async (root, inbox) => {
        const saved = path.join(inbox, 'ferry.html');
        await writeFile(saved, ferryPage());
        const warc = path.join(inbox, 'crawl.warc.gz');
        await writeFile(
          warc,
          await warcFile([htmlResponse(WATER_URL, '2026-03-03T10:00:00Z', waterPage(THIRD_V1))], true),
        );
        const first = await importAll([saved, warc], root, options);
        await editByHand(first.outcomes[0]!.article!, FERRY_EDIT);
        await editByHand(first.outcomes[1]!.article!, WATER_EDIT);
        return [saved, warc];
      },
      (root) => ({ force: true, addPeople: true, reviewFile: path.join(path.dirname(root), 'review.txt') }),
    );
    expect(real.counts).toMatchObject({ replaced: 2 });
    expect(real.outcomes.every((o) => o.backup)).toBe(true);
    expect(dry.counts).toEqual(real.counts);
    expect(shape(dry)).toEqual(shape(real));
  }, 60_000);
});
