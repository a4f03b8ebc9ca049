import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

// `npm run quotes` as a reader runs it: a subprocess on the seed article and on files of its own.
// The body the offsets index is cut out of the file here by its own rule (everything after the
// closing --- line of the front matter), not by the command's reader.

const SEED = 'content/articles/2018/09/immigration-judges-sessions.md';

/** Runs the command on the project's Node; never longer than `seconds`. */
function run(args: string[], seconds = 60) {
  return spawnSync(process.execPath, ['scripts/quotes.ts', ...args], { encoding: 'utf8', timeout: seconds * 1000 });
}

interface Line {
  file: string;
  quote: { start: number; end: number; text: string };
  speaker: { start: number; end: number; text: string } | null;
  refersTo: string | null;
  person: string | null;
  cue: string | null;
}

function lines(stdout: string): Line[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);
}

/** The body of a Markdown file: the text after the second line that is exactly "---". */
function bodyOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  const second = text.indexOf('\n---\n', 3);
  return text.slice(second + '\n---\n'.length);
}

describe('npm run quotes', () => {
  test('the seed article: Sessions’ split quote, Dana Marks’ two, Tabaddor’s partial, “zero tolerance” nobody’s', () => {
    const result = run(['--format', 'jsonl', SEED]);
    expect(result.status, result.stderr).toBe(0);
    const quotes = lines(result.stdout);
    const by = (id: string) => quotes.filter((q) => q.person === id).map((q) => q.quote.text);
    expect(by('jeff-sessions')).toHaveLength(2);
    expect(by('jeff-sessions')[0]).toMatch(/^When we depart from the law /);
    expect(by('jeff-sessions')[1]).toMatch(/^Your job is to apply the law /);
    expect(by('dana-marks')).toHaveLength(2);
    expect(by('dana-marks')[1]).toMatch(/^It did appear to be a one-sided argument/);
    expect(by('ashley-tabaddor')).toEqual([expect.stringMatching(/^we cannot possibly be put in this bind /)]);
    expect(quotes.some((q) => q.quote.text.includes('zero tolerance'))).toBe(false);
    expect(by('donald-trump')).toEqual([]);
    expect(Object.keys(quotes[0]!)).toEqual(['file', 'quote', 'speaker', 'refersTo', 'person', 'cue']);
    expect(quotes[0]!.file).toBe(SEED);
  }, 60_000);

  test('offsets slice the body after the front matter to the quote and the speaker exactly', () => {
    const body = bodyOf(SEED);
    const quotes = lines(run(['--format', 'jsonl', SEED]).stdout);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) {
      expect(body.slice(q.quote.start, q.quote.end)).toBe(q.quote.text);
      if (q.speaker) expect(body.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
    }
  }, 60_000);

  test('a plain .txt with --people, corrections in an article, and a bad file that does not stop the others', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quotes-command-'));
    mkdirSync(path.join(dir, 'content', 'articles'), { recursive: true });
    mkdirSync(path.join(dir, 'content', 'people'));
    writeFileSync(path.join(dir, 'content', 'people', 'jane-doe.yaml'), 'name: Jane Doe\naliases:\n  - Janie Doe\n');
    const txt = path.join(dir, 'story.txt');
    writeFileSync(txt, 'The council met.\n\n“We will rebuild the bridge by spring,” Doe said.\n');
    const md = path.join(dir, 'content', 'articles', 'story.md');
    writeFileSync(
      md,
      '---\ntitle: A story\nlanguage: en\npeople:\n  - id: jane-doe\n    role: mayor\nquotes:\n  - text: nothing will stop\n    remove: true\n---\n\n“We will rebuild,” the mayor said.\n\n“And nothing will stop us,” she said.\n',
    );
    const missing = path.join(dir, 'missing.md');
    const result = run(['--format', 'jsonl', '--people', path.join(dir, 'content', 'people'), txt, missing, md]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${missing}: no such file`);
    const quotes = lines(result.stdout);
    expect(quotes.map((q) => [path.basename(q.file), q.quote.text, q.speaker?.text, q.person])).toEqual([
      ['story.txt', 'We will rebuild the bridge by spring,', 'Doe', 'jane-doe'],
      ['story.md', 'We will rebuild,', 'the mayor', 'jane-doe'],
    ]);
    const text = run([md]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('“We will rebuild,” — the mayor (= Jane Doe) [jane-doe], said');
  }, 60_000);

  test('invalid corrections are reported as the checker reports them, the quotes printed without them, exit 1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quotes-command-'));
    mkdirSync(path.join(dir, 'content', 'articles'), { recursive: true });
    mkdirSync(path.join(dir, 'content', 'people'));
    writeFileSync(path.join(dir, 'content', 'people', 'jane-doe.yaml'), 'name: Jane Doe\n');
    const md = path.join(dir, 'content', 'articles', 'story.md');
    writeFileSync(
      md,
      '---\ntitle: A story\npeople:\n  - jane-doe\nquotes:\n  - text: We will rebuild\n    person: jane-dough\n  - text: council met\n    person: jane-doe\n---\n\nThe council met.\n\n“We will rebuild,” a spokesman said.\n',
    );
    const result = run(['--format', 'jsonl', md]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^${md.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: quotes\\.0\\.person: "jane-dough" is not in people/; did you mean \`jane-doe\`\\?`,
        'm',
      ),
    );
    expect(result.stderr).toContain(`${md}: quotes.1.text: "council met" is not within quotation marks`);
    expect(lines(result.stdout).map((q) => [q.quote.text, q.speaker?.text, q.person])).toEqual([
      ['We will rebuild,', 'a spokesman', null],
    ]);
  }, 60_000);

  test('--help prints the usage and exits 0', () => {
    const result = run(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('usage: npm run quotes --');
  }, 60_000);

  test('a bad format or no files is a usage error', () => {
    expect(run(['--format', 'xml', SEED]).stderr).toContain('--format: "xml" is not a format');
    expect(run([]).status).toBe(2);
  }, 60_000);
});
