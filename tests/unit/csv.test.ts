import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { csvHeader, csvRows, csvText } from '../../src/text/csv.ts';

// The CSV the data files and the search download are written in (src/text/csv.ts), read back by
// another library (csv-parse): RFC 4180 quoting of every kind of line break, the byte order mark,
// CRLF line ends, and the formula guard of OWASP's CSV injection advice with its read-back rule.

/** Every cell that starts a formula in a spreadsheet, and values around them. */
const VALUES = [
  '=HYPERLINK("https://evil.example/","x")',
  '+1',
  '-1',
  '@SUM(A1)',
  '\tleading tab',
  '\rleading CR',
  '\uFF1D1+1',
  '\uFF0B1',
  '\uFF0D1',
  '\uFF20A1',
  "'=already guarded",
  "''+twice",
  "'plain apostrophe",
  'a, comma',
  'a "quote"',
  'line\nfeed',
  'carriage\rreturn',
  'both\r\nends',
  'plain',
  '',
  'x=1 inside',
];

/** The value a cell stands for, by the README's rule: one apostrophe off before apostrophes and a formula sign. */
const readBack = (cell: string) => (/^'+[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? cell.slice(1) : cell);

test('every value reads back from its cell, and no cell starts a formula', () => {
  const text = csvText(
    ['value', 'same'],
    VALUES.map((v) => [v, v]),
  );
  expect(text.startsWith('\uFEFFvalue,same\r\n')).toBe(true);
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed: string[][] = parse(text, { bom: true });
  expect(parsed[0]).toEqual(['value', 'same']);
  const cells = parsed.slice(1).map((r) => r[0]!);
  expect(cells.map(readBack)).toEqual(VALUES);
  for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
  expect(cells[0]).toBe(`'${VALUES[0]}`);
  expect(cells[10]).toBe(`''=already guarded`);
  expect(cells[12]).toBe("'plain apostrophe");
});

test('a line break of any kind is quoted, so a reader never sees it as the end of a row', () => {
  for (const v of ['a\nb', 'a\rb', 'a\r\nb']) expect(csvRows([[v, 'next']])).toBe(`"${v}",next\r\n`);
});

test('null and absent cells are empty; rows written apart join under one header', () => {
  const text = csvHeader(['a', 'b']) + csvRows([['1', null]]) + csvRows([[undefined, '2']]);
  expect(text).toBe('\uFEFFa,b\r\n1,\r\n,2\r\n');
  expect(csvRows([])).toBe('');
});
