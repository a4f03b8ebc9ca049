import { applyPatch, structuredPatch } from 'diff';
import { isDeepStrictEqual } from 'node:util';
import { bodyHash } from './existing-entries.ts';

// A re-import never drops what an editor wrote. When a capture rewrites a Markdown file that is
// already in the archive (the same capture again with --force, a draft completed with --url,
// a newer capture of the article), the new extraction is merged with the file, field by field
// and for the body, as a three-way merge (as version control merges two edits of one file):
//
//   base  = what the importer makes today of the capture the file was made from (its kept bytes);
//   file  = the file as it is now (the importer's output plus whatever the editor changed);
//   fresh = what the importer makes of the capture being imported.
//
// A field the editor did not touch (file = base) takes the fresh value; a field the editor changed
// while the original did not (fresh = base) keeps the editor's value; when both changed, the
// caller's rule decides (see MergeRule), and the report says so. A value the capture does not
// state (empty) never replaces an edit, nor the article's date, address or source.

/** A Markdown entry: front matter and body. */
export interface EntryText {
  data: Record<string, unknown>;
  body: string;
}

/** What happened to one field (or `body`) in a merge, for the report. */
export interface FieldNote {
  field: string;
  /** kept: the file's value stays; updated: the capture's value replaces the importer's earlier one; overruled: the capture's value replaces an edit (the edit stays in the previous file). */
  action: 'kept' | 'updated' | 'overruled' | 'merged';
}

/**
 * What to do with a field that both the editor and the original changed, or whose base is unknown:
 * `file` keeps the editor's value (a capture of the same moment: the same original), `fresh`
 * takes the capture's (a newer capture: the original changed it, and the previous file keeps the
 * edit as a version).
 */
export type MergeRule = 'file' | 'fresh';

/** Fields that always come from the capture being imported: where and when it was captured. */
const CAPTURE_FIELDS = new Set(['captured', 'capture', 'captureSha256', 'warc']);

/** Facts about the article that a capture's silence never takes away. */
const STABLE_FACTS = new Set(['source', 'url', 'published', 'publishedInferred', 'language', 'image']);

/** Empty: no value, an empty text or an empty list. */
const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Same value, as YAML would write it (no value, an empty text and an empty list are one). */
export const sameValue = (a: unknown, b: unknown) => (empty(a) && empty(b)) || isDeepStrictEqual(a, b);
const same = sameValue;

/**
 * Merges a fresh extraction into a file already in the archive.
 * @param file the file as it is now.
 * @param base what the importer makes today of the capture the file was made from, or undefined
 *   when that capture cannot be read again (then every difference is settled by `rule`, except
 *   that the file's article fields are kept).
 * @param fresh what the importer makes of the capture being imported.
 * @param fields the front matter fields to merge, in order; fields the file has beyond them are kept.
 * @param rule see MergeRule.
 * @param articleFields fields that belong to the article rather than one capture (people,
 *   topics…): with no base, they keep the file's value whatever the rule.
 * @returns the merged entry, and a note for each field that was not simply the capture's.
 */
export function mergeEntry(
  file: EntryText,
  base: EntryText | undefined,
  fresh: EntryText,
  fields: readonly string[],
  rule: MergeRule,
  articleFields: readonly string[] = [],
): EntryText & { notes: FieldNote[] } {
  const notes: FieldNote[] = [];
  const data: Record<string, unknown> = {};
  const sameCapture = !empty(file.data.captureSha256) && file.data.captureSha256 === fresh.data.captureSha256;
  for (const field of fields) {
    const [f, b, n] = [file.data[field], base?.data[field], fresh.data[field]];
    const pick = (value: unknown, action?: FieldNote['action']) => {
      data[field] = value;
      if (action) notes.push({ field, action });
    };
    if (same(f, n)) pick(n);
    // Where the capture came from belongs to its bytes: the same bytes imported again from a
    // saved copy keep their WARC provenance, another capture never inherits it.
    else if (CAPTURE_FIELDS.has(field)) pick(empty(n) && sameCapture ? f : n);
    // A field the editor left as the importer made it follows the capture: a newer capture
    // without a dek has no dek. The article's stable facts are the exception: a capture that
    // does not state the date or address does not make the article lose them.
    else if (base && same(f, b)) {
      if (empty(n) && STABLE_FACTS.has(field)) pick(f);
      else pick(n, 'updated');
    } else if (base && same(n, b)) pick(f, 'kept');
    // An edit the capture says nothing about is kept (draft excepted: a capture with every fact
    // is not a draft).
    else if (empty(n) && field !== 'draft') pick(f, 'kept');
    else if (!base && articleFields.includes(field)) pick(f, 'kept');
    else if (rule === 'file') pick(f, 'kept');
    else pick(n, 'overruled');
  }
  for (const [field, value] of Object.entries(file.data)) if (!fields.includes(field)) data[field] = value;
  const body = mergeBody(file.body, base?.body, fresh.body, rule);
  if (body.action) notes.push({ field: 'body', action: body.action });
  return { data, body: body.text, notes };
}

/** The body's part of mergeEntry: the same rules, and edits carried onto a changed text when they apply cleanly. */
function mergeBody(
  file: string,
  base: string | undefined,
  fresh: string,
  rule: MergeRule,
): { text: string; action?: FieldNote['action'] } {
  const key = (t: string) => bodyHash(t);
  if (key(file) === key(fresh)) return { text: fresh };
  if (base !== undefined && key(file) === key(base)) return { text: fresh, action: 'updated' };
  if (base !== undefined && key(fresh) === key(base)) return { text: file, action: 'kept' };
  if (rule === 'file') return { text: file, action: 'kept' };
  if (base !== undefined) {
    // Both changed: the editor's changes to the text the file was made from, applied to the new
    // text, when every changed paragraph is still there to change (the diff package's patch).
    const patched = applyPatch(fresh, structuredPatch('file', 'file', base, file, '', '', { context: 1 }));
    if (patched !== false) return { text: patched, action: 'merged' };
  }
  return { text: fresh, action: 'overruled' };
}
