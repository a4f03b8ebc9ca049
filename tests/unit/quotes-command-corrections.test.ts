import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { formatProblem } from '../../src/content/problems.ts';

// `npm run quotes` and `npm run check` on one article with bad corrections of both kinds: shape
// (person with remove: true, remove: false) and content (unknown person, person not in the
// article, passage not in the body, passage outside quotation marks). Both must list all six,
// with the same words; the command leaves them out, applies the good one and exits 1.

/** Runs the command on the project's Node; never longer than `seconds`. */
function run(args: string[], seconds = 60) {
  return spawnSync(process.execPath, ['scripts/quotes.ts', ...args], { encoding: 'utf8', timeout: seconds * 1000 });
}

const QUOTES = [
  '  - text: no longer do this job',
  '    person: dana-marks',
  '    remove: true',
  '  - text: the bridge by spring',
  '    person: dana-marks',
  '    remove: false',
  '  - text: We will rebuild',
  '    person: jane-dough',
  '  - text: We will rebuild',
  '    person: bob-roe',
  '  - text: a passage that is nowhere',
  '    person: jane-doe',
  '  - text: council met',
  '    person: jane-doe',
  '  - text: rebuild the bridge',
  '    person: jane-doe',
];

/** A content folder with one article holding the corrections above; returns the folder and the article. */
function archive(): { root: string; md: string } {
  const root = mkdtempSync(path.join(tmpdir(), 'quotes-command-corrections-'));
  const files: Record<string, string> = {
    'sources/the-courier.yaml': 'name: The Courier\nhomepage: https://courier.example/\n',
    'people/jane-doe.yaml': 'name: Jane Doe\n',
    'people/dana-marks.yaml': 'name: Dana Marks\n',
    'people/bob-roe.yaml': 'name: Bob Roe\n',
    'articles/2020/01/story.md': `---\ntitle: A story\nsource: the-courier\nurl: https://courier.example/story\npublished: 2020-01-10\ncaptured: 2020-01-11\npeople:\n  - jane-doe\n  - dana-marks\nquotes:\n${QUOTES.join('\n')}\n---\n\nThe council met on Monday.\n\n“We will rebuild the bridge by spring,” a spokesman said.\n\n“We no longer do this job,” Marks said.\n`,
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  }
  return { root, md: path.join(root, 'articles/2020/01/story.md') };
}

describe('quotes corrections: the command and the checker agree', () => {
  test('the command reports all six invalid corrections as check does, leaves them out, applies the good one, exits 1', async () => {
    const { root, md } = archive();
    const result = run(['--format', 'jsonl', md]);
    expect(result.status).toBe(1);
    const reported = result.stderr.split('\n').filter((l) => l.startsWith(`${md}: quotes.`));
    const { problems } = await checkContent(root);
    const checked = problems.filter((p) => path.resolve(p.file) === md).map((p) => formatProblem({ ...p, file: md }));
    expect(checked.map((l) => /quotes\.\d+(\.\w+)?/.exec(l)?.[0])).toEqual([
      'quotes.0',
      'quotes.1.remove',
      'quotes.2.person',
      'quotes.3.person',
      'quotes.4.text',
      'quotes.5.text',
    ]);
    expect(reported).toEqual(checked);
    const quotes = result.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { quote: { text: string }; person: string | null; cue: string | null });
    expect(quotes.map((q) => [q.quote.text, q.person, q.cue])).toEqual([
      ['We will rebuild the bridge by spring,', 'jane-doe', 'editor’s correction'],
      ['We no longer do this job,', 'dana-marks', 'said'],
    ]);
  }, 60_000);

  test('check lists the content problems of the good-shaped corrections beside a shape error in the same file', async () => {
    const { root } = archive();
    const { problems } = await checkContent(root);
    const fields = problems.filter((p) => p.field.startsWith('quotes')).map((p) => p.field);
    expect(fields).toEqual([
      'quotes.0',
      'quotes.1.remove',
      'quotes.2.person',
      'quotes.3.person',
      'quotes.4.text',
      'quotes.5.text',
    ]);
  });

  test('a bad entry in people does not make check refuse a correction naming one of the others', async () => {
    const { root, md } = archive();
    const text = readFileSync(md, 'utf8').replace('  - jane-doe\n', '  - id: jane-doe\n    role: [mayor]\n');
    writeFileSync(md, text);
    const { problems } = await checkContent(root);
    expect(problems.some((p) => p.field.startsWith('people.0'))).toBe(true);
    expect(problems.filter((p) => p.field.startsWith('quotes')).map((p) => p.field)).toEqual([
      'quotes.0',
      'quotes.1.remove',
      'quotes.2.person',
      'quotes.3.person',
      'quotes.4.text',
      'quotes.5.text',
    ]);
  });
});

describe('quotes command: offsets and lines', () => {
  test('a .txt with a byte order mark: offsets index the file’s text as read, the mark included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quotes-command-bom-'));
    const txt = path.join(dir, 'story.txt');
    writeFileSync(txt, '\uFEFFThe council met.\n\n“We will rebuild the bridge by spring,” Doe said.\n');
    const result = run(['--format', 'jsonl', txt]);
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(txt, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const quotes = result.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { quote: { start: number; end: number; text: string } });
    expect(quotes.map((q) => q.quote.text)).toEqual(['We will rebuild the bridge by spring,']);
    for (const q of quotes) expect(text.slice(q.quote.start, q.quote.end)).toBe(q.quote.text);
  }, 60_000);

  test('the text format prints one line per quotation between the marks the text wrote, a line break inside it folded to a space; jsonl keeps it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quotes-command-lines-'));
    const txt = path.join(dir, 'story.txt');
    writeFileSync(txt, 'The council met.\n\n"We *will* win this\nfight," Doe said.\n');
    const text = run([txt]);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout.split('\n').filter(Boolean)).toEqual([
      `${txt}: 1 quote`,
      expect.stringMatching(/^ {2}\d+-\d+ "We \*will\* win this fight," — Doe, said$/),
    ]);
    const jsonl = run(['--format', 'jsonl', txt]);
    expect((JSON.parse(jsonl.stdout) as { quote: { text: string } }).quote.text).toBe('We *will* win this\nfight,');
  }, 60_000);
});
