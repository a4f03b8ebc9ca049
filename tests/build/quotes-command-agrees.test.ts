import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { listFiles } from '../../src/content/files.ts';
import { quoteArticles } from '../fixtures/quote-articles.ts';
import { DIST_ROOT, FIXTURE_CONTENT } from '../helpers/paths.ts';

// `npm run quotes` on every public article of the fixture archive finds the quotations the fixture
// build published in data/quotes.jsonl: the same words (the comma of the reporting sentence left
// out, as the data file leaves it), in the same articles, given to the same people, with the same
// speakers as written. The two are compared here as the files give them; the drafts, which the
// build does not publish, are left out by their front matter read here.

interface Row {
  article: string;
  quote: string;
  person: string | null;
  speaker: string | null;
}

test(
  'the quotes command and data/quotes.jsonl of the build list the same quotations',
  { timeout: 120_000 },
  async () => {
    const dir = path.join(FIXTURE_CONTENT, 'articles');
    const files: string[] = [];
    for (const file of (await listFiles(dir)).filter((f) => f.endsWith('.md'))) {
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(dir, file), 'utf8'))?.[1] ?? '';
      if ((parse(front) as { draft?: boolean } | null)?.draft) continue;
      files.push(file);
    }
    const run = spawnSync(
      process.execPath,
      ['scripts/quotes.ts', '--format', 'jsonl', ...files.map((f) => path.join(dir, f))],
      { encoding: 'utf8', timeout: 100_000, maxBuffer: 64 * 1024 * 1024 },
    );
    expect(run.status, run.stderr).toBe(0);
    const key = (r: Row) => JSON.stringify([r.article, r.quote, r.person, r.speaker]);
    const command: Row[] = run.stdout
      .split('\n')
      .filter(Boolean)
      .map(
        (l) =>
          JSON.parse(l) as {
            file: string;
            quote: { text: string };
            person: string | null;
            speaker: { text: string } | null;
          },
      )
      .map((q) => ({
        article: path.relative(dir, q.file).replace(/\.md$/, ''),
        quote: q.quote.text.replace(/\s*,\s*$/, '').replace(/\s+/g, ' '),
        person: q.person,
        speaker: q.speaker?.text.replace(/\s+/g, ' ') ?? null,
      }));
    const built: Row[] = readFileSync(path.join(DIST_ROOT, 'data/quotes.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Row)
      .map((r) => ({ article: r.article, quote: r.quote.replace(/\s+/g, ' '), person: r.person, speaker: r.speaker }));
    expect(built.length).toBeGreaterThan(5);
    // The article quoting in a heading and a table cell, with a quotation in an HTML comment: its three seen ones.
    const sluice = quoteArticles().find((a) => a.id === '2015/11/quarrington-sluice-timetable')!;
    expect(command.filter((r) => r.article === sluice.id).map((r) => r.quote)).toEqual(
      sluice.quotes.map((q) => q.text.replace(/,$/, '')),
    );
    expect(command.map(key).toSorted()).toEqual(built.map(key).toSorted());
  },
);
