import { readFile, utimes, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/content/yaml.ts';
import { listFiles, splitFrontmatter } from '../../src/content/files.ts';
import { versionId } from '../../src/content/version-entries.ts';
import { importAll } from '../../src/import/run.ts';
import { changeSize } from '../../src/render/version-diff.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// Versions from saved pages: an archived address captured again with other text becomes a
// version, newer or older, with the article's own fields kept; the same text is a duplicate; two
// different captures with one version id need --force.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

async function frontMatter(file: string): Promise<Record<string, unknown>> {
  return parseYaml(splitFrontmatter(await readFile(file, 'utf8'))!.yaml) as Record<string, unknown>;
}

/** Saves a page with a given modification day (the capture date of a saved file). */
async function save(file: string, html: string, day: string): Promise<void> {
  await writeFile(file, html);
  const t = new Date(`${day}T12:00:00Z`);
  await utimes(file, t, t);
}

const URL_ = 'https://news.example/ferry';
const paragraphs = paragraphsFor(31);
const ferry = (title: string, edit?: string) =>
  newsPage({
    title,
    paragraphs: edit ? [paragraphs[0]!, edit, ...paragraphs.slice(2)] : paragraphs,
    url: URL_,
    published: '2025-06-02',
    site: 'Example News',
    author: 'Pat Reporter',
  });
const ARTICLE = 'articles/2025/06/ferry-service-resumes.md';

describe('versionId', () => {
  test('a day is YYYYMMDD; a moment is its UTC time as YYYYMMDDhhmmss', () => {
    expect(versionId('2026-11-27')).toBe('20261127');
    expect(versionId('2026-11-27T10:15:00Z')).toBe('20261127101500');
    expect(versionId('2026-11-27T12:15+02:00')).toBe('20261127101500');
    expect(versionId('2026-11-27T01:00:00.250-05:00')).toBe('20261127060000');
    expect(versionId('2026-12-31T23:30:00-01:00')).toBe('20270101003000');
    expect(() => versionId('2026-02-30')).toThrow(/2026-02 has 28 days/);
  });
});

describe('changeSize', () => {
  test('counts the words diffWords marks added and removed', () => {
    expect(changeSize('The ferry runs daily.', 'The ferry runs twice a day.')).toEqual({ added: 3, removed: 1 });
    expect(changeSize('Same text.', 'Same text.')).toEqual({ added: 0, removed: 0 });
  });
});

describe('versions from saved pages', () => {
  test('a newer capture becomes the article; the article-level fields edited by hand stay; an older one goes to versions/ only', async () => {
    const { root, inbox } = await scratchArchive('archive-versions-');
    await save(path.join(inbox, 'a.html'), ferry('Ferry service resumes'), '2025-06-03');
    const first = await importAll([path.join(inbox, 'a.html')], root, options);
    expect(first.counts.imported).toBe(1);
    const article = path.join(root, ARTICLE);
    // The editor adds topics and a note by hand.
    const text = await readFile(article, 'utf8');
    await writeFile(
      article,
      text
        .replace(/\ntopics: \[\]\n/, '\ntopics:\n  - ferries\n')
        .replace(/\n---\n/, '\neditorsNote: Checked against the print edition.\n---\n'),
    );
    const edited = await readFile(article, 'utf8');
    expect(edited).toContain('ferries');

    await save(
      path.join(inbox, 'b.html'),
      ferry(
        'Ferry service resumes after repairs',
        'The ferry had been out of service for three weeks after a collision.',
      ),
      '2025-06-10',
    );
    const second = await importAll([path.join(inbox, 'b.html')], root, options);
    expect(second.counts).toEqual({ imported: 0, versioned: 1, replaced: 0, skipped: 0, failed: 0 });
    expect(second.outcomes[0]!.version).toMatchObject({
      id: '20250610',
      latest: true,
      comparedWith: '2025-06-03',
      titleChanged: true,
    });
    expect(await readFile(path.join(root, 'versions/2025/06/ferry-service-resumes/20250603.md'), 'utf8')).toBe(edited);
    const latest = await frontMatter(article);
    expect(latest).toMatchObject({
      title: 'Ferry service resumes after repairs',
      captured: '2025-06-10',
      capture: '2025/06/ferry-service-resumes.20250610.html',
      topics: ['ferries'],
      editorsNote: 'Checked against the print edition.',
      source: 'example-news',
      url: URL_,
    });

    await save(
      path.join(inbox, 'c.html'),
      ferry('Ferry service to resume', 'The ferry is due back in service on Monday.'),
      '2025-06-01',
    );
    const third = await importAll([path.join(inbox, 'c.html')], root, options);
    expect(third.counts.versioned).toBe(1);
    expect(third.outcomes[0]!.version).toMatchObject({ id: '20250601', latest: false, comparedWith: '2025-06-03' });
    expect(await listFiles(path.join(root, 'versions'))).toEqual([
      '2025/06/ferry-service-resumes/20250601.md',
      '2025/06/ferry-service-resumes/20250603.md',
    ]);
    expect((await frontMatter(article)).title).toBe('Ferry service resumes after repairs');
    expect(await frontMatter(path.join(root, 'versions/2025/06/ferry-service-resumes/20250601.md'))).toEqual({
      title: 'Ferry service to resume',
      published: '2025-06-02',
      captured: '2025-06-01',
      capture: '2025/06/ferry-service-resumes.20250601.html',
      captureSha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      authors: ['Pat Reporter'],
    });
    expect(existsSync(path.join(root, 'captures/2025/06/ferry-service-resumes.20250601.html'))).toBe(true);

    // Every capture again: all duplicates of one version or another.
    const again = await importAll([inbox], root, options);
    expect(again.counts).toEqual({ imported: 0, versioned: 0, replaced: 0, skipped: 3, failed: 0 });
  }, 60_000);

  test('a different capture with the same version id is refused without --force, and replaces that version with it', async () => {
    const { root, inbox } = await scratchArchive('archive-versions-');
    await save(path.join(inbox, 'a.html'), ferry('Ferry service resumes'), '2025-06-03');
    await importAll([path.join(inbox, 'a.html')], root, options);
    await save(path.join(inbox, 'b.html'), ferry('Ferry service resumes', 'A later edit the same day.'), '2025-06-03');
    const refused = await importAll([path.join(inbox, 'b.html')], root, options);
    expect(refused.outcomes[0]!.reason).toMatch(
      /^differs from .*ferry-service-resumes\.md, which has the same capture time \(2025-06-03, version id 20250603\); use --force/,
    );
    const forced = await importAll([path.join(inbox, 'b.html')], root, { ...options, force: true });
    expect(forced.counts.replaced).toBe(1);
    expect(await readFile(path.join(root, ARTICLE), 'utf8')).toContain('A later edit the same day.');
    expect(existsSync(path.join(root, 'versions'))).toBe(false);
  }, 60_000);

  test('a dry run says which version it would add and writes nothing', async () => {
    const { root, inbox } = await scratchArchive('archive-versions-');
    await save(path.join(inbox, 'a.html'), ferry('Ferry service resumes'), '2025-06-03');
    await importAll([path.join(inbox, 'a.html')], root, options);
    const before = await readFile(path.join(root, ARTICLE), 'utf8');
    await save(path.join(inbox, 'b.html'), ferry('Ferry service resumes', 'Changed.'), '2025-06-04');
    const dry = await importAll([path.join(inbox, 'b.html')], root, { ...options, dryRun: true });
    expect(dry.counts.versioned).toBe(1);
    expect(dry.outcomes[0]!.written.map((f) => path.relative(root, f))).toEqual([
      'captures/2025/06/ferry-service-resumes.20250604.html',
      'versions/2025/06/ferry-service-resumes/20250603.md',
      ARTICLE,
    ]);
    expect(await readFile(path.join(root, ARTICLE), 'utf8')).toBe(before);
    expect(existsSync(path.join(root, 'versions'))).toBe(false);
  }, 60_000);
});
