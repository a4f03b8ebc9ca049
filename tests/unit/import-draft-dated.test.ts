import { cp, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { listFiles, splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// A draft the importer filed under articles/undated/ (its capture stated no date) that is given
// its date later moves to its dated folder, as a capture stating that date is filed: every hand
// edit kept, no copy left behind, its versions with it, and the report says where it went. A
// date filled in by hand is caught by the check, whose fix names the folder.
// Capture: tests/fixtures/import-cases/given-facts/council.txt.

const CASES = path.resolve('tests/fixtures/import-cases/given-facts');
const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const URL_ = 'https://www.baysidegazette.example/news/2026/11/ferry-subsidy-kept';
const DATED = path.join('articles', '2026', '11', 'council-votes-to-keep-harbour-ferry-subsidy.md');
const UNDATED = path.join('articles', 'undated', 'council-votes-to-keep-harbour-ferry-subsidy.md');

async function readEntry(file: string) {
  const parts = splitFrontmatter(await readFile(file, 'utf8'))!;
  return { data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body };
}

/** The plain-text copy imported as an undated draft, then edited by hand (headline, topic, a paragraph). */
async function editedDraft(given: { url?: string } = {}) {
  const { root, inbox } = await scratchArchive('archive-draft-dated-');
  await writeFile(
    path.join(root, 'sources', 'bayside-gazette.yaml'),
    'name: Bayside Gazette\nhomepage: https://www.baysidegazette.example/\n',
  );
  const saved = path.join(inbox, 'council.txt');
  await cp(path.join(CASES, 'council.txt'), saved);
  await utimes(saved, new Date('2026-11-20T10:00:00Z'), new Date('2026-11-20T10:00:00Z'));
  const first = await importAll([saved], root, { ...options, given });
  const article = first.outcomes[0]!.article!;
  expect(path.relative(root, article)).toBe(UNDATED);
  const text = await readFile(article, 'utf8');
  await writeFile(
    article,
    text
      .replace(/^title: .*$/m, 'title: Council keeps the harbour ferry subsidy')
      .replace(/^topics:.*\n(?:\s+- .*\n)*/m, '')
      .replace(/^authors:/m, 'topics:\n  - ferries\nauthors:')
      .replace('about 900 passengers a day', 'about 900 passengers a day (operator figures)'),
  );
  return { root, inbox, saved, article };
}

/** Every Markdown file under a folder of the content, as paths relative to the content folder. */
async function markdownUnder(root: string, folder: string): Promise<string[]> {
  return (await listFiles(path.join(root, folder))).filter((f) => f.endsWith('.md')).map((f) => path.join(folder, f));
}

function expectEdits(entry: { data: Record<string, unknown>; body: string }) {
  expect(entry.data.title).toBe('Council keeps the harbour ferry subsidy');
  expect(entry.data.topics).toEqual(['ferries']);
  expect(entry.body).toContain('(operator figures)');
}

describe('a draft given its date moves from articles/undated/ to its dated folder', () => {
  test('completed with the options --drafts prints: moved, every edit kept, nothing left behind, and said', async () => {
    const { root, saved } = await editedDraft();
    const run = await importAll([saved], root, {
      ...options,
      given: { url: URL_, source: 'bayside-gazette', published: '2026-11-19' },
    });
    const report = formatSummary(run, { dryRun: false });
    expect(run.counts.failed).toBe(0);
    expect(path.relative(root, run.outcomes[0]!.article!)).toBe(DATED);
    expect(await markdownUnder(root, 'articles')).toEqual([DATED]);
    const entry = await readEntry(path.join(root, DATED));
    expectEdits(entry);
    expect(entry.data.published).toBe('2026-11-19');
    expect(entry.data.draft).toBeUndefined();
    expect(report).toMatch(/moved from \S*undated\S* to \S*2026\/11\/council-votes-to-keep-harbour-ferry-subsidy\.md/);
    expect((await checkContent(root)).problems).toEqual([]);
    // Imported again, it is the same article: nothing moves back, nothing is duplicated.
    const again = await importAll([saved], root, options);
    expect(again.counts).toMatchObject({ imported: 0, failed: 0 });
    expect(await markdownUnder(root, 'articles')).toEqual([DATED]);
  });

  test('given only its date it stays a draft, filed under that date', async () => {
    const { root, saved } = await editedDraft();
    const run = await importAll([saved], root, { ...options, given: { published: '2026-11-19' } });
    expect(path.relative(root, run.outcomes[0]!.article!)).toBe(DATED);
    expect(await markdownUnder(root, 'articles')).toEqual([DATED]);
    const entry = await readEntry(path.join(root, DATED));
    expectEdits(entry);
    expect(entry.data.draft).toBe(true);
  });

  test('a dry run says where it would move and writes nothing', async () => {
    const { root, saved } = await editedDraft();
    const run = await importAll([saved], root, {
      ...options,
      dryRun: true,
      given: { url: URL_, source: 'bayside-gazette', published: '2026-11-19' },
    });
    expect(formatSummary(run, { dryRun: true })).toMatch(/would move from \S*undated\S* to \S*2026\/11\//);
    expect(await markdownUnder(root, 'articles')).toEqual([UNDATED]);
  });

  test('its versions move with it', async () => {
    const { root, inbox, saved } = await editedDraft({ url: URL_ });
    // A later copy of the same story (one sentence added), at the same address: a new version.
    const later = path.join(inbox, 'council-later.txt');
    await writeFile(later, `${await readFile(saved, 'utf8')}\nThe subsidy will be reviewed again next autumn.\n`);
    await utimes(later, new Date('2026-11-22T10:00:00Z'), new Date('2026-11-22T10:00:00Z'));
    const versioned = await importAll([later], root, { ...options, given: { url: URL_ } });
    expect(versioned.counts.versioned).toBe(1);
    expect(await markdownUnder(root, 'versions')).toHaveLength(1);
    const run = await importAll([later], root, {
      ...options,
      force: true,
      given: { url: URL_, source: 'bayside-gazette', published: '2026-11-19' },
    });
    expect(run.counts.failed).toBe(0);
    expect(await markdownUnder(root, 'articles')).toEqual([DATED]);
    const versions = await markdownUnder(root, 'versions');
    expect(versions).toHaveLength(1);
    expect(
      versions[0]!.startsWith(path.join('versions', '2026', '11', 'council-votes-to-keep-harbour-ferry-subsidy')),
    ).toBe(true);
    expect(await markdownUnder(root, path.join('versions', 'undated'))).toEqual([]);
    const entry = await readEntry(path.join(root, DATED));
    expect(entry.data.title).toBe('Council keeps the harbour ferry subsidy');
    expect(entry.body).toContain('reviewed again next autumn');
    expect((await checkContent(root)).problems).toEqual([]);
  });

  test('a date filled in by hand is caught by the check, whose fix names the dated folder', async () => {
    const { root, article } = await editedDraft();
    const text = await readFile(article, 'utf8');
    await writeFile(
      article,
      text.replace(/^authors:/m, `url: ${URL_}\nsource: bayside-gazette\npublished: 2026-11-19\nauthors:`),
    );
    const problems = (await checkContent(root)).problems.filter((p) => p.field === 'published');
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('articles/undated/');
    expect(problems[0]!.fix).toContain(path.join('2026', '11', 'council-votes-to-keep-harbour-ferry-subsidy.md'));
  });
});
