import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { numberOption, OptionError } from '../../scripts/options.ts';

// Numeric command-line options: a value that is not a number in range stops the command with a
// message naming the option, the value and what to write, before anything is done.

const scratch = await mkdtemp(path.join(tmpdir(), 'cli-options-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('numberOption', () => {
  const megabytes = { above: 0, max: 2000, unit: 'MB', example: '20' };
  const articles = { integer: true, min: 1, unit: 'articles', example: '10000' };

  test.each([
    ['20', megabytes, 20],
    ['0.5', megabytes, 0.5],
    ['2000', megabytes, 2000],
    ['1', articles, 1],
    ['10000', articles, 10_000],
  ])('%s is read as a number', (text, rule, expected) => {
    expect(numberOption('x', text, rule)).toBe(expected);
  });

  test.each([
    [
      'abc',
      megabytes,
      '--max-mb: "abc" is not a number. Write a number of MB, above 0 and at most 2000, e.g. --max-mb 20',
    ],
    ['', megabytes, '--max-mb: "" is not a number.'],
    ['NaN', megabytes, '--max-mb: "NaN" is not a number.'],
    ['Infinity', megabytes, '--max-mb: "Infinity" is not a number.'],
    ['1e3', megabytes, '--max-mb: "1e3" is not a number.'],
    [' 20', megabytes, '--max-mb: " 20" is not a number.'],
    ['-5', megabytes, '--max-mb: "-5" is not a number.'],
    ['0', megabytes, '--max-mb: 0 is out of range. Write a number of MB, above 0 and at most 2000'],
    ['2001', megabytes, '--max-mb: 2001 is out of range.'],
  ])('--max-mb %j is refused', (text, rule, message) => {
    expect(() => numberOption('max-mb', text, rule)).toThrow(OptionError);
    expect(() => numberOption('max-mb', text, rule)).toThrow(message);
  });

  test.each([
    ['x', '--articles: "x" is not a whole number. Write a whole number of articles, at least 1, e.g. --articles 10000'],
    ['2.5', '--articles: "2.5" is not a whole number.'],
    ['10,000', '--articles: "10,000" is not a whole number.'],
    ['0', '--articles: 0 is out of range. Write a whole number of articles, at least 1, e.g. --articles 10000'],
    ['99999999999999999999', '--articles: 99999999999999999999 is out of range.'],
  ])('--articles %j is refused', (text, message) => {
    expect(() => numberOption('articles', text, articles)).toThrow(message);
  });

  test('a left-out option takes its fallback, and one without a fallback is reported missing', () => {
    expect(numberOption('people', undefined, { ...articles, fallback: 20 })).toBe(20);
    expect(() => numberOption('people', undefined, articles)).toThrow('--people: is missing.');
  });
});

/** Runs one of the project's commands on the project's Node; never longer than `seconds`. */
function run(script: string, args: string[], seconds = 60) {
  return spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', timeout: seconds * 1000 });
}

describe('the commands refuse a bad number before doing anything', () => {
  test('npm run import -- --max-mb abc', async () => {
    const content = path.join(scratch, 'content');
    const page = path.join(scratch, 'page.html');
    await writeFile(page, '<html><head><title>A page</title></head><body><p>Some text.</p></body></html>');
    const result = run('scripts/import.ts', ['--content', content, '--max-mb', 'abc', page]);
    expect(result.status, result.stdout).toBe(2);
    expect(result.stderr).toContain('--max-mb: "abc" is not a number. Write a number of MB');
    expect(await readdir(content).catch(() => [])).toEqual([]);
  }, 60_000);

  test.each([
    ['bench', ['--articles', 'x'], '--articles: "x" is not a whole number.'],
    ['bench', ['--articles', '100', '--people', 'many'], '--people: "many" is not a whole number.'],
    [
      'bench-hugo',
      ['--rounds', '0'],
      '--rounds: 0 is out of range. Write a whole number of rounds, at least 1, e.g. --rounds 3',
    ],
    ['bench-hugo', ['--articles', '10,000'], '--articles: "10,000" is not a whole number.'],
  ])(
    'scripts/%s.ts %j',
    async (script, args, message) => {
      const dir = path.join(scratch, script);
      const result = run(`scripts/${script}.ts`, [...args, '--dir', dir], 30);
      expect(result.status, result.stdout).toBe(2);
      expect(result.stderr).toContain(message);
      expect(await readdir(dir).catch(() => [])).toEqual([]);
    },
    60_000,
  );

  test('npm run bench:corpus -- --people 1', async () => {
    const out = path.join(scratch, 'corpus');
    const result = run('scripts/bench-corpus.ts', ['--articles', '10', '--people', '1', '--out', out]);
    expect(result.status, result.stdout).toBe(2);
    expect(result.stderr).toContain('--people: 1 is out of range. Write a whole number of people, at least 2');
    expect(await readdir(out).catch(() => [])).toEqual([]);
  }, 60_000);
});

describe('the commands refuse an unknown or incomplete option with a message, not a stack trace', () => {
  test.each([
    ['scripts/import.ts', ['--bogus'], "Unknown option '--bogus'"],
    ['scripts/import.ts', ['--max-mb', '-1', 'page.html'], "'--max-mb' argument is ambiguous"],
    ['scripts/bench.ts', ['--articles'], "'--articles <value>' argument missing"],
    ['scripts/bench-warc.ts', ['--seeds', '2'], "Unknown option '--seeds'"],
  ])(
    '%s %j',
    (script, args, message) => {
      const result = run(script, args, 30);
      expect(result.status, result.stdout).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/^\s+at /m);
    },
    60_000,
  );
});
