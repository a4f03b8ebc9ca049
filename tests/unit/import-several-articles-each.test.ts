import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// A page holding several stories, none named by its metadata, is one capture of each: --url picks
// the story. Each story chosen is an article of its own with its own address, even though the
// bytes are the same; a story never merges into the article another story of the page made, with
// or without --force. Page: tests/fixtures/import-cases/given-facts/three-stories.html.

const PAGE = path.resolve('tests/fixtures/import-cases/given-facts/three-stories.html');
const HARBOUR = 'https://gazette.example/news/harbour-dredging-starts-1002';
const SCHOOL = 'https://gazette.example/news/school-roof-repairs-1003';
const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

async function readEntry(file: string): Promise<{ data: Record<string, unknown>; body: string }> {
  const parts = splitFrontmatter(await readFile(file, 'utf8'))!;
  return { data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body };
}

describe('a page of several stories, one story chosen at a time with --url', () => {
  test.each([false, true])(
    'the second story becomes its own article and the first keeps its hand edit (--force %s)',
    async (force) => {
      const { root, inbox } = await scratchArchive('archive-stories-');
      const saved = path.join(inbox, 'news.html');
      await cp(PAGE, saved);
      const first = await importAll([saved], root, { ...options, given: { url: HARBOUR } });
      const harbour = first.outcomes[0]!.article!;
      expect(first.outcomes[0]!.status).toBe('imported');
      const text = await readFile(harbour, 'utf8');
      expect(text).toContain('by two metres');
      await writeFile(harbour, text.replace('by two metres', 'by 2 metres'));

      const second = await importAll([saved], root, { ...options, force, given: { url: SCHOOL } });
      const outcome = second.outcomes[0]!;
      expect(formatSummary(second, { dryRun: false })).not.toContain('--force');
      expect(outcome.status).toBe('imported');
      expect(outcome.article).not.toBe(harbour);
      const school = await readEntry(outcome.article!);
      expect(school.data.title).toBe('School roof repairs finished ahead of schedule');
      expect(school.data.url).toBe(SCHOOL);
      expect(school.body).not.toMatch(/dredging/i);

      const kept = await readEntry(harbour);
      expect(kept.data.title).toBe('Harbour dredging to start next month');
      expect(kept.data.url).toBe(HARBOUR);
      expect(kept.body).toContain('by 2 metres');
      expect(kept.body).not.toMatch(/school roof/i);
      expect(await readdir(path.join(root, 'articles', '2021', '03'))).toHaveLength(2);

      // The same story again is its own article's capture, and --force on it touches only that one.
      const again = await importAll([saved], root, { ...options, force: true, given: { url: HARBOUR } });
      expect(again.outcomes[0]!.article).toBe(harbour);
      expect((await readEntry(harbour)).body).toContain('by 2 metres');
      expect((await readEntry(outcome.article!)).data.title).toBe('School roof repairs finished ahead of schedule');
    },
  );
});
