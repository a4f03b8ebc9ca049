import { diffArrays } from 'diff';
import { isDeepStrictEqual } from 'node:util';
import { bodyHash } from './existing-entries.ts';
import { singleSpaced } from '../text/white-space.ts';

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
  /** For the body: the paragraphs both the editor and the original changed, as the original had them before (shortened), whose edit went with `action`. */
  paragraphs?: string[];
  /** For a list or the picture: the items (a list element as the base had it, or a key such as `alt`) both the editor and the original changed, whose edit went with `action`. */
  items?: string[];
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

/**
 * Lists merged element by element, and what names an element: a person by id (a plain id or
 * `{id, role}`), a topic or an author by its text.
 */
const LIST_FIELDS = new Set(['topics', 'people', 'authors']);

/** Objects merged key by key (while they describe the same picture: see mergeImage). */
const OBJECT_FIELDS = new Set(['image']);

/** The key of a list element: a person's id, or the element itself. */
const elementKey = (x: unknown): string =>
  typeof x === 'object' && x !== null && 'id' in x ? String(x.id) : JSON.stringify(x);

const asList = (v: unknown): unknown[] | undefined => (Array.isArray(v) ? v : empty(v) ? [] : undefined);

/**
 * A three-way merge of a list by element (as a set, keeping order): the file's list (the editor's
 * order, additions, removals and element edits such as a person's role) without the elements the
 * original removed (in base, not in fresh; an element the editor changed stays), then the elements
 * the original added (in fresh, not in base), in its order. An element of base that both sides
 * replaced by something else (a byline the editor corrected and the original renamed) is a
 * conflict, settled by `rule` (file: the editor's replacement stays and the original's is left
 * out; fresh: the other way round). Returns the merged list and the conflicting base elements (as
 * text), or undefined when a value is not a list.
 */
function mergeListItems(
  file: unknown,
  base: unknown,
  fresh: unknown,
  rule: MergeRule,
): { list: unknown[]; conflicts: string[] } | undefined {
  const [f, b, n] = [asList(file), asList(base), asList(fresh)];
  if (!f || !b || !n) return undefined;
  const inBase = new Map(b.map((x) => [elementKey(x), x]));
  const inFresh = new Set(n.map(elementKey));
  const inFile = new Set(f.map(elementKey));
  const kept = f.filter((x) => {
    const k = elementKey(x);
    return !inBase.has(k) || inFresh.has(k) || !isDeepStrictEqual(inBase.get(k), x);
  });
  let list = [...kept, ...n.filter((x) => !inBase.has(elementKey(x)) && !inFile.has(elementKey(x)))];
  // Conflicts: base elements both sides removed, each putting other elements in their place.
  const baseKeys = b.map(elementKey);
  const equal = (x: string, y: string) => x === y;
  const mine = hunksOf(baseKeys, f.map(elementKey), equal);
  const theirs = hunksOf(baseKeys, n.map(elementKey), equal);
  const conflicts: string[] = [];
  const dropped = new Set<string>();
  for (const [i, k] of baseKeys.entries()) {
    if (inFile.has(k) || inFresh.has(k)) continue;
    const at = (hunks: Hunk[]) => hunks.find((h) => h.start <= i && i < h.end && h.lines.length > 0);
    const [a, c] = [at(mine), at(theirs)];
    if (!a || !c) continue;
    const ours = a.lines.filter((x) => !inBase.has(x));
    const others = c.lines.filter((x) => !inBase.has(x));
    if (!ours.length || !others.length || isDeepStrictEqual([...ours].sort(), [...others].sort())) continue;
    const item = b[i];
    conflicts.push(typeof item === 'string' ? item : k);
    for (const x of rule === 'file' ? others.filter((y) => !inFile.has(y)) : ours.filter((y) => !inFresh.has(y)))
      dropped.add(x);
  }
  if (dropped.size) list = list.filter((x) => !dropped.has(elementKey(x)));
  return { list, conflicts };
}

type Picture = Record<string, unknown>;
const asObject = (v: unknown): Picture | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Picture) : undefined;

/**
 * A three-way merge of an object key by key (an article's lead image: original, alt, caption,
 * credit), each key by the field rules: the editor's change kept, the original's applied, both:
 * `rule`. Only while the three describe the same picture (the same `original`, or the editor
 * changed it and the original did not): a new picture brings its own alt text and caption, so
 * then undefined (the whole field is merged as one value).
 */
function mergeObject(
  file: unknown,
  base: unknown,
  fresh: unknown,
  rule: MergeRule,
): { value: Picture; conflicts: string[] } | undefined {
  const [f, b, n] = [asObject(file), asObject(base), asObject(fresh)];
  if (!f || !b || !n) return undefined;
  if (!sameValue(n.original, b.original)) return undefined;
  const out: Picture = {};
  const conflicts: string[] = [];
  for (const key of new Set([...Object.keys(f), ...Object.keys(b), ...Object.keys(n)])) {
    const [fv, bv, nv] = [f[key], b[key], n[key]];
    const both = !sameValue(fv, nv) && !sameValue(fv, bv) && !sameValue(nv, bv);
    if (both) conflicts.push(key);
    const value = !both ? (sameValue(fv, bv) ? nv : sameValue(nv, bv) ? fv : nv) : rule === 'file' ? fv : nv;
    if (!empty(value)) out[key] = value;
  }
  return { value: out, conflicts };
}

/** Empty: no value, an empty text or an empty list. */
const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Same value, as YAML would write it (no value, an empty text and an empty list are one). */
export const sameValue = (a: unknown, b: unknown) => (empty(a) && empty(b)) || isDeepStrictEqual(a, b);

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
    // A list or the picture merged item by item; the items both sides changed go with `rule`.
    const pickItems = (merged: { value: unknown; conflicts: string[] }) => {
      data[field] = merged.value;
      if (merged.conflicts.length === 0) notes.push({ field, action: 'merged' });
      else notes.push({ field, action: rule === 'file' ? 'kept' : 'overruled', items: merged.conflicts });
    };
    const list = () => {
      const m = mergeListItems(f, b, n, rule);
      return m && { value: m.list, conflicts: m.conflicts };
    };
    if (sameValue(f, n)) pick(n);
    // Where the capture came from belongs to its bytes: the same bytes imported again from a
    // saved copy keep their WARC provenance, another capture never inherits it.
    else if (CAPTURE_FIELDS.has(field)) pick(empty(n) && sameCapture ? f : n);
    // A field the editor left as the importer made it follows the capture: a newer capture
    // without a dek has no dek. The article's stable facts are the exception: a capture that
    // does not state the date or address does not make the article lose them.
    else if (base && sameValue(f, b)) {
      if (empty(n) && STABLE_FACTS.has(field)) pick(f);
      else pick(n, 'updated');
    } else if (base && sameValue(n, b)) pick(f, 'kept');
    // Both changed a list or the picture: element by element, key by key. People are read from
    // the text, so a capture naming nobody removes the people it no longer names; topics and
    // authors a capture does not state are silence.
    else if (base && (!empty(n) || field === 'people') && LIST_FIELDS.has(field) && list()) pickItems(list()!);
    else if (base && OBJECT_FIELDS.has(field) && mergeObject(f, b, n, rule)) pickItems(mergeObject(f, b, n, rule)!);
    // An edit the capture says nothing about is kept (draft excepted: a capture with every fact
    // is not a draft).
    else if (empty(n) && field !== 'draft') pick(f, 'kept');
    else if (!base && articleFields.includes(field)) pick(f, 'kept');
    else if (rule === 'file') pick(f, 'kept');
    else pick(n, 'overruled');
  }
  for (const [field, value] of Object.entries(file.data)) if (!fields.includes(field)) data[field] = value;
  const body = mergeBody(file.body, base?.body, fresh.body, rule);
  if (body.action)
    notes.push({ field: 'body', action: body.action, ...(body.paragraphs && { paragraphs: body.paragraphs }) });
  return { data, body: body.text, notes };
}

/**
 * The body's part of mergeEntry: the same rules, applied paragraph by paragraph (a paragraph being
 * a block between blank lines) when both the editor and the original changed the text. Each
 * change either side made to paragraphs the other left alone is applied; where both changed the
 * same paragraphs differently, `rule` picks the side, and the result names those paragraphs.
 */
function mergeBody(
  file: string,
  base: string | undefined,
  fresh: string,
  rule: MergeRule,
): { text: string; action?: FieldNote['action']; paragraphs?: string[] } {
  const key = (t: string) => bodyHash(t);
  if (key(file) === key(fresh)) return { text: fresh };
  if (base !== undefined && key(file) === key(base)) return { text: fresh, action: 'updated' };
  if (base !== undefined && key(fresh) === key(base)) return { text: file, action: 'kept' };
  if (base === undefined)
    return rule === 'file' ? { text: file, action: 'kept' } : { text: fresh, action: 'overruled' };
  const merged = mergeParagraphs(base, file, fresh, rule);
  const text = merged.paragraphs.join('\n\n') + (/\n$/.test(fresh) ? '\n' : '');
  if (merged.conflicts.length === 0) return { text, action: 'merged' };
  return { text, action: rule === 'file' ? 'kept' : 'overruled', paragraphs: merged.conflicts };
}

/** A text's paragraphs: the blocks between blank lines. */
const paragraphsOf = (text: string) =>
  text
    .replace(/^\s*\n/, '')
    .trimEnd()
    .split(/\n(?:[ \t]*\n)+/);

/** Paragraphs compared as bodyHash compares texts: every run of whitespace is one space. */
const sameParagraph = (a: string, b: string) => singleSpaced(a) === singleSpaced(b);

/** One change of a text against the base: base paragraphs [start, end) become `lines`. */
interface Hunk {
  start: number;
  end: number;
  lines: string[];
}

/** The changes that turn `base` into `other`, paragraph by paragraph (the diff package's array diff). */
function hunksOf(
  base: string[],
  other: string[],
  comparator: (a: string, b: string) => boolean = sameParagraph,
): Hunk[] {
  const hunks: Hunk[] = [];
  let at = 0;
  let open: Hunk | undefined;
  for (const change of diffArrays(base, other, { comparator })) {
    if (!change.added && !change.removed) {
      at += change.count;
      open = undefined;
      continue;
    }
    if (!open) hunks.push((open = { start: at, end: at, lines: [] }));
    if (change.removed) {
      at += change.count;
      open.end = at;
    } else open.lines.push(...change.value);
  }
  // Paragraphs edited one for one (as many after as before) are one change each: an edit is then
  // merged on its own even when the paragraph next to it was edited too. A change of several
  // paragraphs that also deletes or adds some is split the same way where its new paragraphs are
  // edits of old ones (see editsOf): a paragraph deleted beside one corrected is two changes, so
  // the other side inserting between them touches neither. (A change of one paragraph needs no
  // split: nothing can be inserted inside it.)
  return hunks.flatMap((h) =>
    h.lines.length === h.end - h.start && h.lines.length > 1
      ? h.lines.map((line, n) => ({ start: h.start + n, end: h.start + n + 1, lines: [line] }))
      : comparator === sameParagraph && h.end - h.start > 1
        ? splitAtEdits(h, base)
        : [h],
  );
}

/** A paragraph's words, lowercased: its runs of letters and digits. */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether paragraph `b` is an edit of paragraph `a`: the words they share (counted with
 * repetition) are at least 60% of the longer one's. A paragraph made of two joined, or half of one
 * split, shares at most half and is not an edit of either.
 */
function isEditOf(a: string, b: string): boolean {
  const [x, y] = [wordsOf(a), wordsOf(b)];
  if (!x.length || !y.length) return false;
  const count = new Map<string, number>();
  for (const w of x) count.set(w, (count.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of y) {
    const n = count.get(w) ?? 0;
    if (n > 0) {
      shared++;
      count.set(w, n - 1);
    }
  }
  return shared / Math.max(x.length, y.length) >= 0.6;
}

/**
 * The pairs (base paragraph, new paragraph) of hunk `h` where the new one is an edit of the old
 * (isEditOf), in order and as many as can be (a longest common subsequence under isEditOf), as
 * indices into base and into `h.lines`.
 */
function editsOf(h: Hunk, base: string[]): [number, number][] {
  const [r, l] = [h.end - h.start, h.lines.length];
  const best = Array.from({ length: r + 1 }, () => new Array<number>(l + 1).fill(0));
  const edit = (i: number, k: number) => isEditOf(base[h.start + i]!, h.lines[k]!);
  for (let i = r - 1; i >= 0; i--)
    for (let k = l - 1; k >= 0; k--)
      best[i]![k] = Math.max(best[i + 1]![k]!, best[i]![k + 1]!, edit(i, k) ? best[i + 1]![k + 1]! + 1 : 0);
  const pairs: [number, number][] = [];
  for (let i = 0, k = 0; i < r && k < l;) {
    if (edit(i, k) && best[i]![k] === best[i + 1]![k + 1]! + 1) pairs.push([h.start + i++, k++]);
    else if (best[i + 1]![k] === best[i]![k]) i++;
    else k++;
  }
  return pairs;
}

/**
 * Hunk `h` split at the paragraphs it edits (editsOf): each edit a change of its own paragraph,
 * the paragraphs between two edits one change (a deletion, an insertion or a replacement).
 */
function splitAtEdits(h: Hunk, base: string[]): Hunk[] {
  const pairs = editsOf(h, base);
  if (!pairs.length) return [h];
  const out: Hunk[] = [];
  let [at, k] = [h.start, 0];
  for (const [i, n] of [...pairs, [h.end, h.lines.length] as [number, number]]) {
    if (i > at || n > k) out.push({ start: at, end: i, lines: h.lines.slice(k, n) });
    if (i < h.end) out.push({ start: i, end: i + 1, lines: [h.lines[n]!] });
    [at, k] = [i + 1, n + 1];
  }
  return out;
}

/** An insertion: a change that replaces no base paragraph. */
const isInsertion = (h: Hunk) => h.start === h.end;

/**
 * Whether hunk `h` (starting at or after `start`) touches the group of changes covering base
 * paragraphs [start, end): it changes some of those paragraphs, or inserts strictly inside them.
 * An insertion at the group's edge stays apart (it lands before or after the paragraphs the group
 * changes, which keep their own change); two insertions at one place touch.
 */
const touches = (h: Hunk, start: number, end: number) =>
  start === end ? h.start === start && isInsertion(h) : h.start < end && !(isInsertion(h) && h.start === start);

/**
 * Follows the paragraphs the original moved: a base paragraph `theirs` deletes in one place and
 * inserts word for word in another, which `mine` edited or deleted on its own (a change of that
 * paragraph alone), takes the editor's change to its new place: the inserted copy becomes the
 * editor's text (or nothing), and the editor's change where it was is dropped. Returns the two
 * lists of changes, new objects where changed.
 */
function followMoves(base: string[], mine: Hunk[], theirs: Hunk[]): [Hunk[], Hunk[]] {
  const moved = theirs.map((h) => ({ ...h, lines: [...h.lines] }));
  const dropped = new Set<Hunk>();
  for (const h of theirs)
    for (let k = h.start; k < h.end; k++) {
      if (h.lines.some((line) => sameParagraph(line, base[k]!))) continue;
      const edit = mine.find((m) => m.start === k && m.end === k + 1 && m.lines.length <= 1);
      if (!edit) continue;
      const place = moved.find((g, n) => theirs[n] !== h && g.lines.some((line) => sameParagraph(line, base[k]!)));
      if (!place) continue;
      const at = place.lines.findIndex((line) => sameParagraph(line, base[k]!));
      place.lines.splice(at, 1, ...edit.lines);
      dropped.add(edit);
    }
  return [mine.filter((m) => !dropped.has(m)), moved];
}

/**
 * A three-way merge of paragraphs (as diff3 merges lines): the changes base→file and base→fresh
 * are grouped where they touch the same base paragraphs (see `touches`: an insertion next to a
 * changed paragraph is apart from it, so the original inserting a paragraph beside an edited one,
 * or beside one the editor deleted, or between two such, keeps the edits; see splitAtEdits); a paragraph the original moved carries the
 * editor's change to its new place (see followMoves). A group changed by one side takes that
 * side's text, one changed alike by both takes it once, one where one side only deleted and the
 * other only inserted takes both, and one changed differently by both is a conflict settled by
 * `rule` (file: the editor's text; fresh: the original's). Returns the merged paragraphs and, for
 * each conflict, the base paragraph it concerns (its first 80 characters; the file's text for an
 * insertion).
 */
export function mergeParagraphs(
  baseText: string,
  fileText: string,
  freshText: string,
  rule: MergeRule,
): { paragraphs: string[]; conflicts: string[] } {
  const base = paragraphsOf(baseText);
  const [mine, theirs] = followMoves(
    base,
    hunksOf(base, paragraphsOf(fileText)),
    hunksOf(base, paragraphsOf(freshText)),
  );
  const out: string[] = [];
  const conflicts: string[] = [];
  /** The text of base [start, end) with the given hunks (all inside it, in order) applied. */
  const apply = (hunks: Hunk[], start: number, end: number) => {
    const text: string[] = [];
    let at = start;
    for (const h of hunks) {
      text.push(...base.slice(at, h.start), ...h.lines);
      at = h.end;
    }
    return [...text, ...base.slice(at, end)];
  };
  /** Hunk order: by base position, an insertion before a change starting at the same place. */
  const before = (x: Hunk, y: Hunk) => x.start < y.start || (x.start === y.start && isInsertion(x) && !isInsertion(y));
  let done = 0;
  let [i, j] = [0, 0];
  while (i < mine.length || j < theirs.length) {
    const first = j >= theirs.length || (i < mine.length && !before(theirs[j]!, mine[i]!)) ? mine[i]! : theirs[j]!;
    const start = first.start;
    let end = first.end;
    const [a, b]: [Hunk[], Hunk[]] = [[], []];
    for (let grew = true; grew;) {
      grew = false;
      for (const [list, into, next] of [
        [mine, a, () => i++],
        [theirs, b, () => j++],
      ] as const) {
        const k = list === mine ? i : j;
        const h = list[k];
        if (h && (h === first || touches(h, start, end))) {
          into.push(h);
          next();
          end = Math.max(end, h.end);
          grew = true;
        }
      }
    }
    out.push(...base.slice(done, start));
    const ours = apply(a, start, end);
    const others = apply(b, start, end);
    const onlyDeletes = (hunks: Hunk[]) => hunks.every((h) => h.lines.length === 0);
    const onlyInserts = (hunks: Hunk[]) => hunks.every(isInsertion);
    if (!b.length) out.push(...ours);
    else if (!a.length || (ours.length === others.length && ours.every((p, n) => sameParagraph(p, others[n]!))))
      out.push(...others);
    // One side only deleted paragraphs, the other only inserted among them: both apply.
    else if ((onlyDeletes(a) && onlyInserts(b)) || (onlyInserts(a) && onlyDeletes(b))) {
      const all = [...a, ...b];
      for (let k = start; k <= end; k++) {
        for (const h of all) if (isInsertion(h) && h.start === k) out.push(...h.lines);
        if (k < end && !all.some((h) => h.start <= k && k < h.end)) out.push(base[k]!);
      }
    } else {
      out.push(...(rule === 'file' ? ours : others));
      const named = start < end ? base.slice(start, end) : a.flatMap((h) => h.lines);
      conflicts.push(...named.map((p) => (p.length > 80 ? `${p.slice(0, 79).trimEnd()}…` : p)));
    }
    done = end;
  }
  out.push(...base.slice(done));
  return { paragraphs: out.filter((p) => p.trim()), conflicts };
}
