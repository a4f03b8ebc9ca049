import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { formatDrafts, listDrafts } from '../../src/import/drafts.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// Facts given on the command line (--url, --source, --published) are for what a capture does not
// state and a file still lacks: they fill what is empty, never overrule what the page states or
// what the archive already holds, and the report says which were used and why one was not.
// Captures: tests/fixtures/import-cases/given-facts/.

const CASES = path.resolve('tests/fixtures/import-cases/given-facts');
const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

async function readEntry(file: string): Promise<{ data: Record<string, unknown>; body: string }> {
  const parts = splitFrontmatter(await readFile(file, 'utf8'))!;
  return { data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body };
}

async function addSource(root: string, id: string, name: string, homepage: string) {
  await writeFile(path.join(root, 'sources', `${id}.yaml`), `name: ${name}\nhomepage: ${homepage}\n`);
}

describe('a plain-text draft whose url the editor filled by hand', () => {
  const URL_ = 'https://www.baysidegazette.example/news/2026/11/ferry-subsidy-kept';

  async function draftWithUrl() {
    const { root, inbox } = await scratchArchive('archive-given-');
    await addSource(root, 'bayside-gazette', 'Bayside Gazette', 'https://www.baysidegazette.example/');
    const saved = path.join(inbox, 'council.txt');
    await cp(path.join(CASES, 'council.txt'), saved);
    const first = await importAll([saved], root, options);
    const article = first.outcomes[0]!.article!;
    const text = await readFile(article, 'utf8');
    expect(text).toContain('draft: true');
    await writeFile(article, text.replace(/^authors:/m, `url: ${URL_}\nauthors:`));
    return { root, article };
  }

  test('the command --drafts prints completes it: the source given fills the empty field, and the report says so', async () => {
    const { root, article } = await draftWithUrl();
    const listed = formatDrafts(await listDrafts(root), (p) => p, root);
    expect(listed).toContain('--source <id> --published YYYY-MM-DD');
    expect(listed).not.toContain('--url');
    const capture = path.join(root, 'captures', (await readEntry(article)).data.capture as string);
    const run = await importAll([capture], root, {
      ...options,
      given: { source: 'bayside-gazette', published: '2026-11-19' },
    });
    const report = formatSummary(run, { dryRun: false });
    expect(run.outcomes[0]!.status).toBe('replaced');
    // Dated now, the draft has moved from articles/undated/ to its dated folder.
    expect(run.outcomes[0]!.article).toBe(path.join(root, 'articles', '2026', '11', path.basename(article)));
    const { data } = await readEntry(run.outcomes[0]!.article!);
    expect(data.url).toBe(URL_);
    expect(data.source).toBe('bayside-gazette');
    expect(data.published).toBe('2026-11-19');
    expect(data.draft).toBeUndefined();
    expect(report).not.toContain('kept as edited in the file');
    expect(report).toMatch(/set as given on the command line: (published, source|source, published)/);
    expect(report).not.toMatch(/saved as a draft|run again with --source/);
    expect(await listDrafts(root)).toHaveLength(0);
  });

  test('given only the date, it stays a draft and the report does not call the empty source an edit', async () => {
    const { root, article } = await draftWithUrl();
    const capture = path.join(root, 'captures', (await readEntry(article)).data.capture as string);
    const run = await importAll([capture], root, { ...options, given: { published: '2026-11-19' } });
    const report = formatSummary(run, { dryRun: false });
    const { data } = await readEntry(run.outcomes[0]!.article!);
    expect(data.url).toBe(URL_);
    expect(data.published).toBe('2026-11-19');
    expect(data.draft).toBe(true);
    expect(report).not.toContain('kept as edited in the file: source');
    expect(report).toContain('run again with --source');
    expect(report).not.toContain('run again with --url');
  });
});

describe('--source is for captures that do not state their source', () => {
  test('pages that state their publication keep it; the report says the source given was not used and why', async () => {
    const { root, inbox } = await scratchArchive('archive-given-');
    await addSource(root, 'bayside-gazette', 'Bayside Gazette', 'https://www.baysidegazette.example/');
    for (const f of ['library.html', 'harbour.warc.gz']) await cp(path.join(CASES, f), path.join(inbox, f));
    const run = await importAll([path.join(inbox, 'library.html'), path.join(inbox, 'harbour.warc.gz')], root, {
      ...options,
      given: { source: 'bayside-gazette' },
    });
    const [library, harbour] = run.outcomes;
    expect((await readEntry(library!.article!)).data.source).toBe('bayside-gazette');
    expect(library!.notes ?? []).not.toContainEqual(expect.stringContaining('--source'));
    const { data } = await readEntry(harbour!.article!);
    expect(data.source).toBe('harbour-post');
    expect(await readFile(path.join(root, 'sources', 'harbour-post.yaml'), 'utf8')).toContain('Harbour Post');
    expect(formatSummary(run, { dryRun: false })).toContain(
      '--source bayside-gazette not used: the capture states its source, Harbour Post',
    );
  });

  test('--force --source never changes an archived article source, and says so', async () => {
    const { root, inbox } = await scratchArchive('archive-given-');
    await addSource(root, 'other', 'Other', 'https://other.example/');
    for (const f of ['harbour.warc.gz', 'harbour3.warc.gz']) await cp(path.join(CASES, f), path.join(inbox, f));
    const first = await importAll([path.join(inbox, 'harbour.warc.gz')], root, options);
    const article = first.outcomes[0]!.article!;
    expect((await readEntry(article)).data.source).toBe('harbour-post');
    const text = await readFile(article, 'utf8');
    await writeFile(article, text.replace(/^title: .*$/m, 'title: Old Quay bridge stays shut'));
    const run = await importAll([path.join(inbox, 'harbour3.warc.gz')], root, {
      ...options,
      force: true,
      given: { source: 'other' },
    });
    expect(run.outcomes.map((o) => o.status)).not.toContain('failed');
    expect((await readEntry(article)).data.source).toBe('harbour-post');
    expect(formatSummary(run, { dryRun: false })).toContain('--source other not used');
  });

  test('a plain-text copy takes --source once; a later --source does not change the archived one', async () => {
    const { root, inbox } = await scratchArchive('archive-given-');
    await addSource(root, 'bayside-gazette', 'Bayside Gazette', 'https://www.baysidegazette.example/');
    await addSource(root, 'other', 'Other', 'https://other.example/');
    const saved = path.join(inbox, 'council.txt');
    await cp(path.join(CASES, 'council.txt'), saved);
    const given = {
      url: 'https://www.baysidegazette.example/news/2026/11/ferry-subsidy-kept',
      published: '2026-11-19',
    };
    const first = await importAll([saved], root, { ...options, given: { ...given, source: 'other' } });
    const article = first.outcomes[0]!.article!;
    expect((await readEntry(article)).data.source).toBe('other');
    const run = await importAll([saved], root, {
      ...options,
      force: true,
      given: { ...given, source: 'bayside-gazette' },
    });
    expect((await readEntry(article)).data.source).toBe('other');
    const report = formatSummary(run, { dryRun: false });
    expect(report).toContain("--source bayside-gazette not used: the archived article's source is other");
    expect(report).not.toContain('kept as edited in the file: source');
  });
});

describe('--url and --published are for captures that do not state them', () => {
  const FERRY_URL = 'https://www.baysidegazette.example/news/2025/03/ferry-evening-sailing';

  test('a page that states its address and date keeps them; the report says the values given were not used', async () => {
    const { root, inbox } = await scratchArchive('archive-given-');
    const saved = path.join(inbox, 'ferry-v1.html');
    await cp(path.join(CASES, 'ferry-v1.html'), saved);
    const run = await importAll([saved], root, {
      ...options,
      given: { url: 'https://elsewhere.example/x', published: '2020-01-01' },
    });
    const article = run.outcomes[0]!.article!;
    expect(path.relative(root, article).split(path.sep).slice(0, 3)).toEqual(['articles', '2025', '03']);
    const { data } = await readEntry(article);
    expect(data.url).toBe(FERRY_URL);
    expect(String(data.published)).toMatch(/^2025-03-04/);
    const report = formatSummary(run, { dryRun: false });
    expect(report).toContain(`--url https://elsewhere.example/x not used: the capture states its address ${FERRY_URL}`);
    expect(report).toContain('--published 2020-01-01 not used: the capture states its date 2025-03-04');
  });

  test('--force with --url and --published never changes an archived article address or date', async () => {
    const { root, inbox } = await scratchArchive('archive-given-');
    const saved = path.join(inbox, 'ferry-v1.html');
    await cp(path.join(CASES, 'ferry-v1.html'), saved);
    const first = await importAll([saved], root, options);
    const article = first.outcomes[0]!.article!;
    const before = (await readEntry(article)).data;
    const run = await importAll([saved], root, {
      ...options,
      force: true,
      given: { url: 'https://elsewhere.example/x', published: '2020-01-01' },
    });
    expect(run.outcomes.map((o) => o.status)).not.toContain('failed');
    expect(run.outcomes[0]!.article).toBe(article);
    const { data } = await readEntry(article);
    expect(data.url).toBe(before.url);
    expect(data.published).toEqual(before.published);
  });
});

describe('--url choosing one story of a page holding several', () => {
  const HARBOUR = 'https://gazette.example/news/harbour-dredging-starts-1002';
  const SCHOOL = 'https://gazette.example/news/school-roof-repairs-1003';

  test('an address no story prints or links is refused, not given to the story the metadata names', async () => {
    const { root, inbox } = await scratchArchive('archive-given-');
    const saved = path.join(inbox, 'three.html');
    await cp(path.join(CASES, 'three-nourl-third.html'), saved);
    const run = await importAll([saved], root, { ...options, given: { url: HARBOUR } });
    const outcome = run.outcomes[0]!;
    expect(outcome.status).toBe('failed');
    expect(outcome.article).toBeUndefined();
    expect(formatSummary(run, { dryRun: false })).toContain(
      `the address given with --url, ${HARBOUR}, is none of theirs`,
    );
  });

  test('the address the metadata names still keeps that story under its own address', async () => {
    const { root, inbox } = await scratchArchive('archive-given-');
    const saved = path.join(inbox, 'three.html');
    await cp(path.join(CASES, 'three-nourl-third.html'), saved);
    const run = await importAll([saved], root, { ...options, given: { url: SCHOOL } });
    const { data } = await readEntry(run.outcomes[0]!.article!);
    expect(data.title).toBe('School roof repairs finished ahead of schedule');
    expect(data.url).toBe(SCHOOL);
  });

  test('the story the address names is kept and filed under that address, not the page metadata one', async () => {
    const { root, inbox } = await scratchArchive('archive-given-');
    const saved = path.join(inbox, 'three.html');
    // The three stories' page with its head naming the school story (canonical, og:url, og:title).
    const page = (await readFile(path.join(CASES, 'three-stories.html'), 'utf8'))
      .replaceAll('https://gazette.example/news/"', 'https://gazette.example/news/school-roof-repairs-1003"')
      .replace('content="Latest news"', 'content="School roof repairs finished ahead of schedule"');
    expect(page).toContain('<link rel="canonical" href="https://gazette.example/news/school-roof-repairs-1003">');
    await writeFile(saved, page);
    const run = await importAll([saved], root, { ...options, given: { url: HARBOUR } });
    const { data, body } = await readEntry(run.outcomes[0]!.article!);
    expect(data.title).toBe('Harbour dredging to start next month');
    expect(data.url).toBe(HARBOUR);
    expect(body).not.toMatch(/school roof/i);
    expect(formatSummary(run, { dryRun: false })).not.toMatch(/--url \S+ not used/);
  });
});

describe('--url and --published never change an archived plain-text copy', () => {
  test('the same text copy again with --force and other values keeps the archived address and date, and says so', async () => {
    const { root, inbox } = await scratchArchive('archive-given-');
    await addSource(root, 'bayside-gazette', 'Bayside Gazette', 'https://www.baysidegazette.example/');
    const saved = path.join(inbox, 'council.txt');
    await cp(path.join(CASES, 'council.txt'), saved);
    const first = await importAll([saved], root, {
      ...options,
      given: { url: 'https://www.baysidegazette.example/news/a', source: 'bayside-gazette', published: '2026-11-19' },
    });
    const article = first.outcomes[0]!.article!;
    const run = await importAll([saved], root, {
      ...options,
      force: true,
      given: { url: 'https://www.baysidegazette.example/news/b', published: '2020-01-01' },
    });
    expect(run.outcomes.map((o) => o.status)).not.toContain('failed');
    const { data } = await readEntry(article);
    expect(data.url).toBe('https://www.baysidegazette.example/news/a');
    expect(String(data.published)).toMatch(/^2026-11-19/);
    const report = formatSummary(run, { dryRun: false });
    expect(report).toContain('--url https://www.baysidegazette.example/news/b not used');
    expect(report).toContain('--published 2020-01-01 not used');
  });
});
