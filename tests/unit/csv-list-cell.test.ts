import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import { csvRows, listCell } from '../../src/text/csv.ts';

// A multi-valued cell (bylines, topics, people_ids / people_names / people_roles, versions...) as
// the README tells a researcher to read it: split the cell at " | ", then in each value take the
// backslash off any backslash-escaped character. Read back here with csv-parse and that rule
// alone, written out in this file.

/** The README's reading rule for a list cell. */
function readList(cell: string, count: number): string[] {
  if (count === 0) return [];
  return cell.split(' | ').map((v) => v.replace(/\\(.)/gsu, '$1'));
}

const LISTS: string[][] = [
  ['mayor', '', 'council member'],
  ['chair | finance committee', 'treasurer'],
  ['ends with a bar |', '| starts with one'],
  ['a|b', 'back\\slash', 'both \\| here', '\\'],
  [''],
  ['', ''],
  ['plain'],
  [],
  ['=HYPERLINK("x") | not a formula'],
];

test('every list reads back by the README rule, value for value, however its values hold the separator', () => {
  const rows = LISTS.map((values) => [String(values.length), listCell(values)]);
  const parsed: string[][] = parse(csvRows(rows), { relax_column_count: false });
  parsed.forEach(([count, cell], i) => {
    const guarded = cell!.replace(/^'(?='*[=+\-@\t\r])/u, '');
    expect(readList(guarded, Number(count))).toEqual(LISTS[i]);
  });
});

test('a list of values without a bar or a backslash is written as it always was: joined by " | "', () => {
  expect(listCell(['mayor', '', 'council member'])).toBe('mayor |  | council member');
  expect(listCell([])).toBe('');
});
