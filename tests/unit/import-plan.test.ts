import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { captureFromPayload } from '../../src/import/capture.ts';
import { withoutControlCharactersNoted } from '../../src/import/control-characters.ts';
import { ExistingEntries } from '../../src/import/existing-entries.ts';
import {
  applyPlan,
  convertCapture,
  extraction,
  planWrite,
  type CaptureFacts,
  type ImportOptions,
  type Outcome,
  type Target,
  type WritePlan,
} from '../../src/import/import-one.ts';
import { readVersions } from '../../src/import/stored-versions.ts';
import { ArchiveFiles } from '../../src/import/write.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';

// The importer's plan for one capture, on its own: what it would write, with what content, and
// what it would report, decided without writing anything. The archive is held in memory (the
// files of a dry run) under a folder that does not exist, so no test here touches the disk.

const root = path.join(tmpdir(), `import-plan-${randomUUID()}`, 'content');

const URL = 'https://news.example/bridge';
const TITLE = 'Council approves bridge repairs';
const NEW_TITLE = 'Council approves bridge repairs after a long debate';
const SLUG = 'council-approves-bridge-repairs';
const paragraphs = paragraphsFor(77);
const page = (title = TITLE, text = paragraphs) =>
  newsPage({
    title,
    paragraphs: text,
    url: URL,
    published: '2026-11-19',
    site: 'Example News',
    author: 'Pat Reporter',
  });

const options: ImportOptions = {
  dryRun: false,
  force: false,
  addPeople: false,
  maxBytes: 20_000_000,
  given: {},
  backupStamp: '2026-03-12T09-30-00Z',
};

/** A capture of `html` made at `captured` (a WARC record's moment), converted as importCapture converts it. */
function factsOf(html: string, captured: string): CaptureFacts {
  const capture = captureFromPayload(URL, Buffer.from(html), null);
  const conversion = withoutControlCharactersNoted(convertCapture(capture, { url: URL }, false));
  return { capture, conversion, url: URL, captured, warc: undefined };
}

/** The report of a capture before it is placed, as importCapture starts it. */
const reported = (facts: CaptureFacts): Outcome => ({
  file: 'inbox/bridge.html',
  status: 'failed',
  missing: [],
  proposed: [],
  removed: facts.conversion.body.report.removed,
  written: [],
});

/** An empty archive in memory. */
const emptyArchive = () => new ExistingEntries(new ArchiveFiles(true));

/** The plan for a capture. */
function plan(facts: CaptureFacts, target: Target, index: ExistingEntries, opts = options): Promise<WritePlan> {
  return planWrite(facts, target, extraction(facts, root, index, opts.given), root, index, opts, reported(facts));
}

/** A file's text as the archive in memory holds it. */
async function textOf(index: ExistingEntries, file: string): Promise<string | undefined> {
  const bytes = await index.files.bytes(file);
  return bytes ? Buffer.from(bytes).toString('utf8') : undefined;
}

/** The front matter of a Markdown text. */
const frontMatter = (text: string) => parseYaml(splitFrontmatter(text)!.yaml) as Record<string, unknown>;

/** The content a plan gives a file. */
const planned = (p: WritePlan, file: string) => p.files.find(([f]) => f === file)?.[1];

const at = (...parts: string[]) => path.join(root, ...parts);
const ARTICLE = at('articles', '2026', '11', `${SLUG}.md`);
const FIRST = '2026-11-20T10:00:00Z';
const LATER = '2026-11-22T10:00:00Z';
const EDITED_TITLE = 'Council approves repairs to the old stone bridge';
const NOTE = 'Checked against the print edition.';
const CHANGED = 'The vote came after a long debate on the cost of the work, which has doubled since the spring.';

/** An archive holding the first capture as a new article, planned and applied in memory. */
async function archived(): Promise<ExistingEntries> {
  const index = emptyArchive();
  await applyPlan(await plan(factsOf(page(), FIRST), { kind: 'new' }, index), index);
  return index;
}

describe('the plan for one capture, without the disk', () => {
  test('a new article: the capture, its new source and the article file, nothing written until applied', async () => {
    const index = emptyArchive();
    const facts = factsOf(page(), FIRST);
    const p = await plan(facts, { kind: 'new' }, index);
    const capture = at('captures', '2026', '11', `${SLUG}.html`);
    const source = at('sources', 'example-news.yaml');
    expect(p.files.map(([f]) => f)).toEqual([capture, source, ARTICLE]);
    expect(p.outcome).toMatchObject({
      status: 'imported',
      article: ARTICLE,
      entry: ARTICLE,
      written: [capture, source, ARTICLE],
    });
    expect(p.outcome.preview).toBeUndefined();
    expect(Buffer.from(planned(p, capture) as Uint8Array).toString('utf8')).toBe(page());
    expect(planned(p, source)).toBe('name: Example News\nhomepage: https://news.example/\n');
    const data = frontMatter(planned(p, ARTICLE) as string);
    expect(data).toMatchObject({
      title: TITLE,
      source: 'example-news',
      url: URL,
      published: '2026-11-19',
      captured: FIRST,
      capture: `2026/11/${SLUG}.html`,
      captureSha256: createHash('sha256').update(page()).digest('hex'),
      authors: ['Pat Reporter'],
    });
    expect(splitFrontmatter(planned(p, ARTICLE) as string)!.body).toContain(paragraphs[0]);
    expect(p.record).toMatchObject({ as: 'article', articleFile: ARTICLE, url: URL, source: { id: 'example-news' } });
    // Planning changed nothing: neither the files nor what the run knows of the archive.
    for (const [f] of p.files) expect(index.files.exists(f)).toBe(false);
    expect(index.articlePaths.size).toBe(0);
    expect(index.sources).toEqual([]);
    // Applying the plan writes exactly its files, and the run then knows the article and source.
    expect(await applyPlan(p, index)).toBe(p.outcome);
    for (const [f, content] of p.files)
      expect(Buffer.from((await index.files.bytes(f))!).equals(Buffer.from(content))).toBe(true);
    expect(index.articleAt(URL)).toBe(ARTICLE);
    expect(index.sources.map((s) => s.id)).toEqual(['example-news']);
    expect(existsSync(path.dirname(root))).toBe(false);
  });

  /** The archived article with an editor's headline, topics and note. */
  async function edited(): Promise<{ index: ExistingEntries; text: string }> {
    const index = await archived();
    const made = (await textOf(index, ARTICLE))!;
    const text = made
      .replace(`title: ${TITLE}`, `title: ${EDITED_TITLE}`)
      .replace(/^topics: .*$/m, 'topics: [bridges, county budget]')
      .replace(/\n---\n/, `\neditorsNote: ${NOTE}\n---\n`);
    expect(text).not.toBe(made);
    await index.files.write(ARTICLE, text);
    return { index, text };
  }

  test('the same capture again with --force: every editor’s field kept, so nothing to write', async () => {
    const { index, text } = await edited();
    const [old] = await readVersions(root, ARTICLE, index.files);
    const p = await plan(
      factsOf(page(), FIRST),
      { kind: 'replace', articleFile: ARTICLE, old: old!, others: [] },
      index,
      { ...options, force: true },
    );
    expect(p.outcome).toMatchObject({ status: 'skipped', article: ARTICLE, entry: ARTICLE, written: [] });
    expect(p.outcome.reason).toMatch(/it gives what the file already holds: nothing written$/);
    expect(p.files).toEqual([]);
    expect(p.record).toBeUndefined();
    expect(await textOf(index, ARTICLE)).toBe(text);
  });

  test('another save of the same moment with --force: the editor’s fields kept, the original’s change taken, the edited file copied aside first', async () => {
    const { index, text } = await edited();
    const [old] = await readVersions(root, ARTICLE, index.files);
    const corrected = [paragraphs[0]!, CHANGED, ...paragraphs.slice(2)];
    const p = await plan(
      factsOf(page(TITLE, corrected), FIRST),
      { kind: 'replace', articleFile: ARTICLE, old: old!, others: [] },
      index,
      { ...options, force: true },
    );
    const backup = at('.import-backups', '2026-03-12T09-30-00Z', 'articles', '2026', '11', `${SLUG}.md`);
    // The first capture's bytes stay as they are; this one is kept beside them.
    const capture = at('captures', '2026', '11', `${SLUG}.20261120100000.html`);
    expect(p.outcome).toMatchObject({ status: 'replaced', article: ARTICLE, entry: ARTICLE, backup });
    expect(p.outcome.warnings).toEqual([
      `captures/2026/11/${SLUG}.html is another file than this capture: it stays as it is (no version names it now), and this capture is kept as captures/2026/11/${SLUG}.20261120100000.html`,
    ]);
    expect(p.files.map(([f]) => f)).toEqual([capture, backup, ARTICLE]);
    expect(planned(p, backup)).toBe(text);
    const written = planned(p, ARTICLE) as string;
    expect(frontMatter(written)).toMatchObject({
      title: EDITED_TITLE,
      topics: ['bridges', 'county budget'],
      editorsNote: NOTE,
      source: 'example-news',
      capture: `2026/11/${SLUG}.20261120100000.html`,
    });
    expect(splitFrontmatter(written)!.body).toContain(CHANGED);
    expect(splitFrontmatter(written)!.body).not.toContain(paragraphs[1]);
    const kept = p.outcome.merge!.filter((n) => n.action === 'kept').map((n) => n.field);
    expect(kept).toEqual(expect.arrayContaining(['title', 'topics', 'editorsNote']));
    expect(p.record).toMatchObject({ as: 'article', articleFile: ARTICLE });
    // Nothing is written by the plan: the edited file is as the editor left it, and has no copy yet.
    expect(await textOf(index, ARTICLE)).toBe(text);
    expect(index.files.exists(backup)).toBe(false);
    expect(index.files.exists(capture)).toBe(false);
  });

  test('a newer capture: the article file takes it, the previous file moves unchanged to versions/', async () => {
    const index = await archived();
    const before = (await textOf(index, ARTICLE))!;
    const changed = [paragraphs[0]!, CHANGED, ...paragraphs.slice(2)];
    const [latest] = await readVersions(root, ARTICLE, index.files);
    const p = await plan(
      factsOf(page(NEW_TITLE, changed), LATER),
      { kind: 'latest', articleFile: ARTICLE, previous: latest!, neighbour: latest! },
      index,
    );
    const capture = at('captures', '2026', '11', `${SLUG}.20261122100000.html`);
    const moved = at('versions', '2026', '11', SLUG, '20261120100000.md');
    expect(p.files.map(([f]) => f)).toEqual([capture, moved, ARTICLE]);
    expect(planned(p, moved)).toBe(before);
    expect(frontMatter(planned(p, ARTICLE) as string)).toMatchObject({
      title: NEW_TITLE,
      captured: LATER,
      capture: `2026/11/${SLUG}.20261122100000.html`,
      source: 'example-news',
      url: URL,
    });
    expect(p.outcome.status).toBe('versioned');
    expect(p.outcome.version).toMatchObject({
      article: ARTICLE,
      id: '20261122100000',
      captured: LATER,
      latest: true,
      file: ARTICLE,
      comparedWith: FIRST,
      titleChanged: true,
    });
    expect(p.outcome.version!.added).toBeGreaterThan(0);
    expect(p.outcome.version!.removed).toBeGreaterThan(0);
    expect(p.record).toMatchObject({ as: 'version', articleFile: ARTICLE });
    expect(await textOf(index, ARTICLE)).toBe(before);
    expect(index.files.exists(moved)).toBe(false);
  });

  test('a front matter the archive refuses: a failed report, and no file to write', async () => {
    const index = emptyArchive();
    const p = await plan(factsOf(page(), '2026-03-03T10:00:00Z'), { kind: 'new' }, index);
    expect(p.outcome.status).toBe('failed');
    expect(p.outcome.reason).toMatch(/^gives frontmatter the archive rejects: captured: .* before published/);
    expect(p.files).toEqual([]);
    expect(p.record).toBeUndefined();
  });

  test('a dry run plans the same files and report as the real run, with the text to show', async () => {
    const cases: [string, () => Promise<[ExistingEntries, CaptureFacts, Target]>][] = [
      ['new', () => Promise.resolve([emptyArchive(), factsOf(page(), FIRST), { kind: 'new' }])],
      [
        'newer',
        async () => {
          const index = await archived();
          const [latest] = await readVersions(root, ARTICLE, index.files);
          const target: Target = { kind: 'latest', articleFile: ARTICLE, previous: latest!, neighbour: latest! };
          return [index, factsOf(page(NEW_TITLE), LATER), target];
        },
      ],
    ];
    for (const [name, make] of cases) {
      const [index, facts, target] = await make();
      const real = await plan(facts, target, index);
      const dry = await plan(facts, target, index, { ...options, dryRun: true });
      const { preview, ...report } = dry.outcome;
      expect(report, name).toEqual(real.outcome);
      expect(dry.files, name).toEqual(real.files);
      expect(dry.record, name).toEqual(real.record);
      expect(preview, name).toBe(planned(dry, dry.outcome.entry!));
    }
  });
});
