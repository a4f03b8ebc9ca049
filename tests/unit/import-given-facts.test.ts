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
    await writeFile(article, text.replace('authors: []', `url: ${URL_}\nauthors: []`));
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
    const { data } = await readEntry(article);
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
    const { data } = await readEntry(article);
    expect(data.url).toBe(URL_);
    expect(data.published).toBe('2026-11-19');
    expect(data.draft).toBe(true);
    expect(report).not.toContain('kept as edited in the file: source');
    expect(report).toContain('run again with --source');
    expect(report).not.toContain('run again with --url');
  });
});
