import { stringify } from 'csv-stringify/browser/esm/sync';

// CSV text as the archive writes it, for its data files (src/site/data-files.ts) and the search
// page's download (src/search/browser/download-view.ts): RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180)
// with a header row, CRLF line ends and any cell holding a comma, a quote or a line break quoted,
// by csv-stringify; UTF-8 with a byte order mark, so spreadsheets read it as UTF-8.
//
// Formula injection (https://owasp.org/www-community/attacks/CSV_Injection): a spreadsheet runs a
// cell starting with =, +, -, @, a tab or a carriage return as a formula, so such a cell gets a
// leading apostrophe (csv-stringify's escape_formulas, which also covers the full-width forms of
// the four signs). A value already starting with apostrophes before one of those characters gets
// one more, so the rule reads back without doubt: a cell starting with an apostrophe followed
// (after any further apostrophes) by one of those characters had one apostrophe added.

/** What may start a formula: =, +, -, @, tab, carriage return, and the full-width =, +, -, @. */
const FORMULA_START = /^'*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The separator of the values of a multi-valued cell ("a | b | c"), documented in the README. */
const LIST_SEPARATOR = ' | ';

/**
 * A list as one cell: the values in order, joined by " | " (an empty list, ""); a backslash
 * before each "|" and each backslash of a value, so every " | " in the cell is a separator and a value
 * holding one ("chair | finance committee") reads back whole. The README's reading rule: split
 * the cell at " | ", then take the backslash off each backslash-escaped character. An empty value
 * is an empty stretch between separators ("mayor |  | chair"), so lists in parallel columns
 * (people_ids, people_names, people_roles) keep one value per entry.
 */
export function listCell(values: readonly string[]): string {
  return values.map((v) => v.replace(/[\\|]/g, '\\$&')).join(LIST_SEPARATOR);
}

/** Cells as csv-stringify is to write them: one more apostrophe before apostrophes and a formula sign (see above). */
function guarded(rows: readonly (readonly (string | null | undefined)[])[]): (string | null | undefined)[][] {
  return rows.map((row) => row.map((cell) => (cell?.startsWith("'") && FORMULA_START.test(cell) ? `'${cell}` : cell)));
}

/**
 * CSV rows without a header: one line per entry of `rows` (the cells in order; null and
 * undefined cells are empty), each ended by CRLF, quoted and escaped as RFC 4180 says and
 * guarded against formula injection (see above). Rows made apart can be put one after another
 * under one csvHeader.
 */
export function csvRows(rows: readonly (readonly (string | null | undefined)[])[]): string {
  return stringify(guarded(rows), {
    record_delimiter: 'windows',
    // Setting the record delimiter turns off quoting a lone LF or CR; RFC 4180 quotes any line break.
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}

/** The start of a CSV file: the byte order mark and the header row of `columns`, ended by CRLF. */
export function csvHeader(columns: readonly string[]): string {
  return `\uFEFF${csvRows([columns])}`;
}

/** The text of a CSV file: csvHeader of `columns`, then csvRows of `rows`. */
export function csvText(columns: readonly string[], rows: readonly (readonly (string | null | undefined)[])[]): string {
  return csvHeader(columns) + csvRows(rows);
}
