import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articleQuotes } from '../../src/render/article-quotes.ts';
import { markdownOptions } from '../../src/render/pipeline.ts';

// `npm run quotes` (a subprocess) and the build's quotes of the same article (the rendered body's
// quotes as data/quotes.jsonl and the pages take them, articleQuotes on the site's pipeline) find
// the same quotations, by the same people, with the same corrections applied: quotations in
// headings and table cells (which a reader sees) count, those in HTML comments and code never do,
// and marks written as character references are the marks they stand for. What a reader sees is
// written out here by hand, and each command offset is checked against the .md body by decoding
// the body's slice with an HTML parser, not the command's own reader.

const PEOPLE = {
  'quennel-ashgrove': 'Quennel Ashgrove',
  'marisol-tavener': 'Marisol Tavener',
};

/** The article: a quotation in each kind of block, one in a comment and one in code. */
const BODY = [
  '## “The tidal gates open at dawn,” said Quennel Ashgrove',
  '| Who | Said |\n| --- | --- |\n| Ashgrove | “Nobody reads the tide tables,” said Quennel Ashgrove. |',
  '&ldquo;The marsh road floods every spring,&rdquo; said Quennel Ashgrove.',
  '&#8220;We counted the herons twice,&#8221; said Quennel Ashgrove.',
  '<!-- “This is a note to the desk, not speech,” said Quennel Ashgrove. -->',
  '`“Code is not speech,” said Quennel Ashgrove.`',
  '- “The sluice keeper retires in May,” said Quennel Ashgrove.',
  '“Ashgrove’s figures don’t add up,” said Marisol Tavener.',
].join('\n\n');

/** What a reader of the page finds quoted, by whom, after the corrections below. */
const SEEN = [
  ['The tidal gates open at dawn,', 'quennel-ashgrove'],
  ['Nobody reads the tide tables,', 'marisol-tavener'],
  ['The marsh road floods every spring,', 'quennel-ashgrove'],
  ['We counted the herons twice,', 'quennel-ashgrove'],
  ['The sluice keeper retires in May,', 'quennel-ashgrove'],
];

/** Corrections: one of a table cell's quotation, one removal of a quotation written with references, one typed with a straight apostrophe. */
const CORRECTIONS = [
  { text: 'Nobody reads the tide tables', person: 'marisol-tavener' },
  { text: "figures don't add up", remove: true as const },
];

let dir: string;
let file: string;
let render: (md: string) => Promise<string>;
const before = process.env.ARCHIVE_CACHE_DIR;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'quotes-agree-'));
  process.env.ARCHIVE_CACHE_DIR = path.join(dir, 'cache');
  mkdirSync(path.join(dir, 'articles/2024/01'), { recursive: true });
  mkdirSync(path.join(dir, 'people'));
  for (const [id, name] of Object.entries(PEOPLE))
    writeFileSync(path.join(dir, 'people', `${id}.yaml`), `name: ${name}\n`);
  file = path.join(dir, 'articles/2024/01/tide-gates.md');
  const quotes = CORRECTIONS.map((c) =>
    'person' in c ? `  - text: "${c.text}"\n    person: ${c.person}` : `  - text: "${c.text}"\n    remove: true`,
  ).join('\n');
  writeFileSync(
    file,
    `---\ntitle: Tide gates\nsource: s\nurl: https://s.example.org/t\npublished: 2024-01-02\ncaptured: 2024-01-03\npeople: [quennel-ashgrove, marisol-tavener]\nquotes:\n${quotes}\n---\n\n${BODY}\n`,
  );
  const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
  render = async (md) => (await processor.render(md)).code;
});
afterAll(() => {
  if (before === undefined) delete process.env.ARCHIVE_CACHE_DIR;
  else process.env.ARCHIVE_CACHE_DIR = before;
  rmSync(dir, { recursive: true, force: true });
});

interface Line {
  quote: { start: number; end: number; text: string };
  person: string | null;
}

describe('the quotes command and the build find the same quotations', () => {
  test(
    'headings and table cells count, comments and code do not, references are marks, corrections apply in both',
    { timeout: 90_000 },
    async () => {
      const run = spawnSync(process.execPath, ['scripts/quotes.ts', '--format', 'jsonl', file], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const command = run.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Line);
      const body = `\n${BODY}\n`;
      const built = articleQuotes(await render(body), {
        language: 'en',
        people: Object.entries(PEOPLE).map(([id, name]) => ({ id, name, aliases: [] })),
        corrections: CORRECTIONS,
      });
      expect(command.map((q) => [q.quote.text, q.person])).toEqual(SEEN);
      expect(built.map((q) => [q.quote.text, q.person])).toEqual(SEEN);
      // The command's offsets index the .md body: the slice there, decoded as a browser decodes it, is the quotation.
      const mdBody = readFileSync(file, 'utf8').split('\n---\n')[1]!;
      for (const q of command)
        expect(toText(fromHtml(mdBody.slice(q.quote.start, q.quote.end), { fragment: true }))).toBe(q.quote.text);
    },
  );
});
