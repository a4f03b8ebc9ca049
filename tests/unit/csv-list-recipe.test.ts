import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { listCell } from '../../src/text/csv.ts';

// The README's Python recipe for reading a list cell back, run as written in the README by
// python3 on cells listCell writes: every list comes back whole, empty values (a last one too)
// and values holding " | " or backslashes included.

const README = readFileSync('README.md', 'utf8');
const PYTHON = spawnSync('python3', ['--version']).status === 0;

const LISTS: string[][] = [
  ['', ''],
  ['mayor', ''],
  ['', 'chair'],
  ['mayor', '', 'chair'],
  ['chair | finance committee', 'C:\\dir\\', '\\|'],
  ['a \\| b', ' | ', '|'],
  ['one'],
];

describe('README: reading a list cell back', () => {
  test.skipIf(!PYTHON)(
    'the Python recipe gives every list back, empty values kept',
    () => {
      const recipe = /`(\[re\.sub\(.*? for v in cell\.split\(" \| "\)\])`/.exec(README)?.[1];
      expect(recipe).toBeDefined();
      const program = `import json, re, sys\nprint(json.dumps([${recipe!} for cell in json.load(sys.stdin)]))`;
      const result = spawnSync('python3', ['-c', program], {
        input: JSON.stringify(LISTS.map(listCell)),
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual(LISTS);
    },
    30_000,
  );

  test('the README names the unescaping rule and a recipe for R that keeps a last empty value', () => {
    expect(README).toContain('(`\\|` is `|`, `\\\\` is `\\`)');
    expect(README).toContain('head(strsplit(paste0(cell, " | ."), " | ", fixed = TRUE)[[1]], -1)');
  });
});
