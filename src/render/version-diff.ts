import { diffArrays, type ChangeObject } from 'diff';
import type { Element, ElementContent, Root, Text } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import { unified } from 'unified';
import { sanitizeSchema } from './sanitize-schema.ts';

// The differences between two versions of an article, as the compare page shows them: word by
// word, inline, deletions in <del> and insertions in <ins>, each opening with a visually hidden
// "deleted:" or "inserted:" for screen readers (most do not announce <del>/<ins> themselves), and
// marked by strike-through and underline as well as colour (src/styles/global.css). Sequences are
// compared by the `diff` library (Myers' algorithm, diffArrays) with the work of each comparison
// bounded (see align); the block structure of the two rendered bodies is kept: blocks
// (paragraphs, list items, quotations, table rows) are aligned first (by their HTML), long
// passages by sentences, and words are compared only within the stretches that changed.

/** Text of a passage changed between two versions, as `diff` gives it. */
type WordChange = ChangeObject<string>;

/** What the visually hidden labels say, before each deletion and insertion. */
const DELETED_LABEL = 'deleted: ';
const INSERTED_LABEL = 'inserted: ';

/**
 * The most items (tokens, sentences or blocks) one comparison may find changed before its
 * changed stretch counts as replaced whole. Myers' algorithm (the `diff` library) costs at most
 * (n + m) × (d + 1) steps for sequences of n and m items with d changes, so with d bounded every
 * comparison is linear in its length; texts are first aligned by blocks, long passages by
 * sentences, so that words are compared only within the short stretches that changed. Past the
 * cap the words are so different that "all of the old, then all of the new" is also the clearer
 * reading, and the compare page says it stopped there (see DiffWork.capped).
 */
const MAX_EDIT = 100;

/** A passage of more tokens than this (both sides together) is aligned by sentences before words. */
const SENTENCE_SPLIT = 1_000;

/**
 * What comparing two texts cost, counted rather than timed: `units` adds, for each run of
 * Myers' algorithm, the most steps it may take at the MAX_EDIT cap ((n + m) × (MAX_EDIT + 1) for
 * stretches of n and m items), and one step per item of every linear pass (setting aside the
 * common start and end, finding anchors, pairing blocks by their words); `capped` counts the
 * stretches that changed beyond the cap and are shown (or counted) whole. Pass one object to
 * several calls to add up their cost.
 */
export interface DiffWork {
  units: number;
  capped: number;
}

/** A fresh work counter. */
export function newDiffWork(): DiffWork {
  return { units: 0, capped: 0 };
}

/** One stretch of an alignment: items in both, only in the old sequence, or only in the new. */
interface Stretch<T> {
  value: T[];
  added: boolean;
  removed: boolean;
}

/**
 * Two sequences aligned, the way patience diff does (Bram Cohen's; also git's --patience): the
 * common start and end are set aside in one linear pass; in what remains, the items that occur
 * exactly once on each side and keep their order (the longest increasing run of their positions,
 * found in n log n) are anchors, and the stretches between anchors are aligned the same way, or,
 * when small or without anchors, by Myers' algorithm (diffArrays of the `diff` library, by `key`)
 * with at most MAX_EDIT changes. A stretch that changed beyond that is one removed and one added
 * stretch, and `work.capped` goes up by one. Concatenating the stretches not `added` gives `a`,
 * those not `removed` gives `b`. Cost: counted in `work` (see DiffWork).
 */
function align<T>(a: T[], b: T[], key: (x: T) => string, work: DiffWork): Stretch<T>[] {
  const out: Stretch<T>[] = [];
  const push = (value: T[], added: boolean, removed: boolean) => {
    if (value.length === 0) return;
    const last = out.at(-1);
    if (last && last.added === added && last.removed === removed) last.value.push(...value);
    else out.push({ value: [...value], added, removed });
  };
  alignInto(a, b, key, work, push, 0);
  // A removed stretch always comes before the added one it borders (as diffArrays gives them).
  for (let k = 0; k + 1 < out.length; k++)
    if (out[k]!.added && out[k + 1]!.removed) [out[k], out[k + 1]] = [out[k + 1]!, out[k]!];
  return out;
}

/** The stretches of `a` and `b` aligned (see align), handed to `push` in order. */
function alignInto<T>(
  a: T[],
  b: T[],
  key: (x: T) => string,
  work: DiffWork,
  push: (value: T[], added: boolean, removed: boolean) => void,
  depth: number,
): void {
  const ka = a.map(key);
  const kb = b.map(key);
  let start = 0;
  while (start < a.length && start < b.length && ka[start] === kb[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && ka[a.length - 1 - end] === kb[b.length - 1 - end]) end++;
  work.units += a.length + b.length;
  push(a.slice(0, start), false, false);
  const [i0, i1, j0, j1] = [start, a.length - end, start, b.length - end];
  const n = i1 - i0 + (j1 - j0);
  if (i1 === i0 || j1 === j0) {
    push(a.slice(i0, i1), false, true);
    push(b.slice(j0, j1), true, false);
  } else {
    const anchors = n > 2 * MAX_EDIT && depth < 8 ? uniqueAnchors(ka, kb, i0, i1, j0, j1, work) : [];
    if (anchors.length > 0) {
      let [i, j] = [i0, j0];
      for (const [ai, bj] of anchors) {
        alignInto(a.slice(i, ai), b.slice(j, bj), key, work, push, depth + 1);
        push([b[bj]!], false, false);
        [i, j] = [ai + 1, bj + 1];
      }
      alignInto(a.slice(i, i1), b.slice(j, j1), key, work, push, depth + 1);
    } else myers(a.slice(i0, i1), b.slice(j0, j1), ka.slice(i0, i1), kb.slice(j0, j1), work, push);
  }
  push(b.slice(b.length - end), false, false);
}

/**
 * Pairs [i, j] of positions in a[i0, i1) and b[j0, j1) whose key occurs exactly once in each,
 * in increasing order of both (the longest such run: patience sorting, n log n).
 */
function uniqueAnchors(
  ka: string[],
  kb: string[],
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  work: DiffWork,
): [number, number][] {
  const counts = new Map<string, [number, number, number]>(); // count in a, count in b, position in b
  for (let i = i0; i < i1; i++) {
    const c = counts.get(ka[i]!) ?? [0, 0, -1];
    c[0]++;
    counts.set(ka[i]!, c);
  }
  for (let j = j0; j < j1; j++) {
    const c = counts.get(kb[j]!);
    if (c) {
      c[1]++;
      c[2] = j;
    }
  }
  const pairs: [number, number][] = [];
  for (let i = i0; i < i1; i++) {
    const c = counts.get(ka[i]!)!;
    if (c[0] === 1 && c[1] === 1) pairs.push([i, c[2]]);
  }
  const n = pairs.length;
  work.units += i1 - i0 + (j1 - j0) + n * Math.ceil(Math.log2(n + 1));
  // Longest increasing subsequence of the b positions, by patience sorting.
  const tails: number[] = [];
  const prev = new Array<number>(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const j = pairs[k]![1];
    let [lo, hi] = [0, tails.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[k] = tails[lo - 1]!;
    tails[lo] = k;
  }
  const run: [number, number][] = [];
  for (let k = tails.at(-1) ?? -1; k >= 0; k = prev[k]!) run.push(pairs[k]!);
  return run.reverse();
}

/** Myers' algorithm on two stretches (diffArrays, by their keys), at most MAX_EDIT changes. */
function myers<T>(
  a: T[],
  b: T[],
  ka: string[],
  kb: string[],
  work: DiffWork,
  push: (value: T[], added: boolean, removed: boolean) => void,
): void {
  const n = a.length + b.length;
  // Items in common (as a multiset) bound the longest common run from above, so the changes
  // from below: when even that many exceed the cap, Myers' algorithm need not run to find it.
  const counts = new Map<string, number>();
  for (const k of ka) counts.set(k, (counts.get(k) ?? 0) + 1);
  let common = 0;
  for (const k of kb) {
    const c = counts.get(k);
    if (c) {
      common++;
      counts.set(k, c - 1);
    }
  }
  work.units += n;
  const changes =
    n - 2 * common > MAX_EDIT
      ? undefined
      : ((work.units += n * (Math.min(MAX_EDIT, n) + 1)), diffArrays(ka, kb, { maxEditLength: MAX_EDIT }));
  if (!changes) {
    work.capped++;
    push(a, false, true);
    push(b, true, false);
    return;
  }
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const count = c.value.length;
    if (c.added) push(b.slice(j, (j += count)), true, false);
    else if (c.removed) push(a.slice(i, (i += count)), false, true);
    else {
      push(b.slice(j, j + count), false, false);
      i += count;
      j += count;
    }
  }
}

/** How many blocks ahead a removed block looks for the added block that is its edit. */
const PAIR_WINDOW = 4;

/**
 * A removed run of blocks and the added run that replaced it, paired: each removed block with the
 * first of the next PAIR_WINDOW added blocks that `fits` it (the same kind) and shares at least
 * half its words (an edit of it, not another block), the added blocks it skips standing alone;
 * failing that, as before, in order. Each pair is [removed, added], either side undefined for a
 * block deleted or inserted whole. Cost: linear (counted in `work`).
 */
function pairBlocks<T>(
  removed: T[],
  added: T[],
  textOf: (x: T) => string,
  fits: (r: T, a: T) => boolean,
  work: DiffWork,
): [T | undefined, T | undefined][] {
  const out: [T | undefined, T | undefined][] = [];
  const wordsOf = new Map<T, string[]>();
  const wordList = (x: T) => {
    let w = wordsOf.get(x);
    if (!w) wordsOf.set(x, (w = textOf(x).match(/[\p{L}\p{N}]+/gu) ?? []));
    return w;
  };
  const similar = (r: T, a: T) => {
    const [wr, wa] = [wordList(r), wordList(a)];
    work.units += wr.length + wa.length;
    const counts = new Map<string, number>();
    for (const w of wr) counts.set(w, (counts.get(w) ?? 0) + 1);
    let common = 0;
    for (const w of wa) {
      const c = counts.get(w);
      if (c) {
        common++;
        counts.set(w, c - 1);
      }
    }
    return common * 2 >= Math.max(wr.length, wa.length);
  };
  let i = 0;
  let j = 0;
  while (i < removed.length || j < added.length) {
    const r = removed[i];
    if (r && j < added.length) {
      let match = -1;
      for (let k = j; k < Math.min(added.length, j + PAIR_WINDOW); k++)
        if (fits(r, added[k]!) && similar(r, added[k]!)) {
          match = k;
          break;
        }
      if (match >= 0) {
        while (j < match) out.push([undefined, added[j++]]);
        out.push([r, added[j++]]);
        i++;
        continue;
      }
    }
    const a = added[j];
    if (r && a && fits(r, a) && removed.length - i === added.length - j) {
      out.push([r, a]);
      i++;
      j++;
    } else if (r && (!a || removed.length - i >= added.length - j)) {
      out.push([r, undefined]);
      i++;
    } else {
      out.push([undefined, a]);
      j++;
    }
  }
  return out;
}

/** Tokens of a text as a word comparison takes them: words, single other marks, runs of whitespace. */
function tokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}_'’-]+|[^\s\p{L}\p{N}\p{M}_'’-]/gu) ?? [];
}

/** Sentences of a text, each with the whitespace after it: joined, they give the text back. */
function sentences(text: string): string[] {
  return text.match(/[^]*?(?:[.!?…]+["'”’)\]]*\s+|\n\s*|$)/gu)?.filter((s) => s !== '') ?? [];
}

const same = (x: string) => x;

/**
 * The word-level differences between two versions of one passage, as `diff` change objects:
 * words, punctuation marks and runs of whitespace are tokens (whitespace is compared too, so no
 * space between parts is lost), aligned as `align` does; a passage of more than SENTENCE_SPLIT
 * tokens is aligned sentence by sentence first and only the sentences that changed are compared
 * word by word. Changes that only whitespace separates are read as one (see joinChanges).
 * Joining the values of the parts that are not `removed` gives `after` exactly; joining those not
 * `added` gives `before`. Cost counted in `work`.
 */
function blockWordChanges(before: string, after: string, work: DiffWork): WordChange[] {
  const [a, b] = [tokens(before), tokens(after)];
  const parts: WordChange[] = [];
  const emit = (value: string, added: boolean, removed: boolean) => {
    if (value !== '') parts.push({ value, added, removed, count: 1 });
  };
  const words = (x: string[], y: string[]) => {
    for (const s of align(x, y, same, work)) emit(s.value.join(''), s.added, s.removed);
  };
  if (a.length + b.length <= SENTENCE_SPLIT) words(a, b);
  else {
    const stretches = align(sentences(before), sentences(after), same, work);
    for (let k = 0; k < stretches.length; k++) {
      const s = stretches[k]!;
      const next = stretches[k + 1];
      if (s.removed && next?.added) {
        // Sentences replaced by others: each edited one compared with its edit, word by word.
        for (const [r, a] of pairBlocks(s.value, next.value, same, () => true, work))
          if (r !== undefined && a !== undefined) words(tokens(r), tokens(a));
          else emit(r ?? a!, r === undefined, a === undefined);
        k++;
      } else emit(s.value.join(''), s.added, s.removed);
    }
  }
  return joinChanges(parts);
}

/**
 * Changes that only whitespace separates, joined into one deletion followed by one insertion:
 * a rewritten sentence shares its single spaces with the old one, so a word diff alternates
 * "deleted: Heavy inserted: Ferries deleted: winds inserted: resumed…", which neither eye nor
 * screen reader can follow. The whitespace goes into both sides, so joining the parts that are not
 * removed still gives the new text and those not added the old one. `parts` as `diff` gives them.
 */
function joinChanges(parts: WordChange[]): WordChange[] {
  const out: WordChange[] = [];
  let i = 0;
  while (i < parts.length) {
    if (!parts[i]!.added && !parts[i]!.removed) {
      out.push(parts[i++]!);
      continue;
    }
    // A run of changes, with the whitespace-only unchanged parts between them.
    let end = i;
    let j = i;
    while (j < parts.length) {
      const part = parts[j]!;
      if (part.added || part.removed) end = ++j;
      else if (/^\s+$/.test(part.value) && j + 1 < parts.length) j++;
      else break;
    }
    const run = parts.slice(i, end);
    i = end;
    // Only deletions, or only insertions: nothing alternates, so the run stays as it is.
    if (!run.some((p) => p.removed) || !run.some((p) => p.added)) {
      out.push(...run);
      continue;
    }
    let removed = '';
    let added = '';
    for (const part of run) {
      if (!part.added) removed += part.value;
      if (!part.removed) added += part.value;
    }
    out.push(
      { value: removed, removed: true, added: false, count: 1 },
      { value: added, removed: false, added: true, count: 1 },
    );
  }
  return out;
}

/** The number of words in a text: runs of characters holding a letter or digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** How big a change is: words added and removed (counted as wordCount counts them). */
export interface ChangeSize {
  added: number;
  removed: number;
}

/**
 * The words added and removed between two texts, compared as the compare page compares bodies:
 * paragraphs (runs of text between blank lines) are aligned first, a removed run and the added
 * run that replaced it are paired in order and compared word by word (blockWordChanges), and the
 * rest count whole; so does a stretch that changed beyond the cap (see MAX_EDIT). The cost is
 * linear in the texts' length (counted in `work`, if given), however different the versions.
 */
export function changeSize(before: string, after: string, work: DiffWork = newDiffWork()): ChangeSize {
  const size: ChangeSize = { added: 0, removed: 0 };
  const paragraphs = (t: string) => t.split(/\n[ \t]*\n+/).filter((p) => p.trim() !== '');
  const changes = align(paragraphs(before), paragraphs(after), same, work);
  for (let k = 0; k < changes.length; k++) {
    const change = changes[k]!;
    if (!change.added && !change.removed) continue;
    const removed = change.removed ? change.value : [];
    const next = changes[k + 1];
    const added = change.added ? change.value : next?.added ? next.value : [];
    if (change.removed && next?.added) k++;
    for (const [r = '', a = ''] of pairBlocks(removed, added, same, () => true, work)) {
      if (!r || !a) {
        size.removed += wordCount(r);
        size.added += wordCount(a);
        continue;
      }
      for (const part of blockWordChanges(r, a, work)) {
        if (part.added) size.added += wordCount(part.value);
        else if (part.removed) size.removed += wordCount(part.value);
      }
    }
  }
  return size;
}

/** Elements that hold other blocks rather than a run of text: their children are aligned, not their words. */
const CONTAINERS = new Set([
  'blockquote',
  'ul',
  'ol',
  'li',
  'dl',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'figure',
  'div',
  'section',
  'details',
]);
/** Block-level elements: an element with any of these among its children is a container. */
const ALIGNED_BLOCKS = new Set([
  ...CONTAINERS,
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'pre',
  'hr',
  'dt',
  'td',
  'th',
  'figcaption',
  'summary',
  'img',
  'picture',
]);

/**
 * Elements marked by a <del> or <ins> around them, never inside: empty ones that are content of
 * their own, and media whose children (<source>, one <img>) may hold nothing else.
 */
const MARKED_WHOLE = new Set(['img', 'hr', 'br', 'wbr', 'picture', 'video', 'audio']);

const text = (value: string): Text => ({ type: 'text', value });
const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
});

/** A <del> or <ins> with its visually hidden label. */
function mark(kind: 'del' | 'ins', children: ElementContent[]): Element {
  const label = kind === 'del' ? DELETED_LABEL : INSERTED_LABEL;
  return el(kind, {}, [el('span', { className: ['visually-hidden'], lang: 'en' }, [text(label)]), ...children]);
}

/** Whether an element holds blocks (so is aligned child by child). */
function holdsBlocks(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && ALIGNED_BLOCKS.has(c.tagName));
}

/** The items a list of children is aligned by: elements, and text that is not only whitespace. */
function items(children: ElementContent[]): ElementContent[] {
  return children.filter((c) => c.type === 'element' || (c.type === 'text' && c.value.trim() !== ''));
}

/** A node without ids or names (a removed block must not repeat an id the new version still has). */
function withoutIds<T extends ElementContent>(node: T): T {
  if (node.type !== 'element') return node;
  const { id: _id, name: _name, ...properties } = node.properties;
  return { ...node, properties, children: node.children.map(withoutIds) };
}

/** A whole node marked as deleted or inserted, keeping the elements a parent requires (li in ul, tr in tbody). */
function marked(node: ElementContent, kind: 'del' | 'ins'): ElementContent {
  const clean = kind === 'del' ? withoutIds(node) : node;
  if (clean.type !== 'element' || MARKED_WHOLE.has(clean.tagName)) return mark(kind, [clean]);
  // Another empty element (a table cell) has nothing to mark, and a <del> around it would break its table.
  if (clean.children.length === 0) return clean;
  if (holdsBlocks(clean))
    return { ...clean, children: clean.children.map((c) => (items([c]).length ? marked(c, kind) : c)) };
  return { ...clean, children: [mark(kind, clean.children)] };
}

/** Word-level differences of two texts as text, <del> and <ins> nodes (see blockWordChanges). */
function wordNodes(before: string, after: string, work: DiffWork): ElementContent[] {
  return blockWordChanges(before, after, work).map((part) =>
    part.removed ? mark('del', [text(part.value)]) : part.added ? mark('ins', [text(part.value)]) : text(part.value),
  );
}

/** The text of a block as the reader sees it. */
function blockText(node: ElementContent): string {
  return toText(node.type === 'element' ? node : { type: 'root', children: [node] }, { whitespace: 'normal' });
}

/** Two versions of one block, compared: containers child by child, text blocks word by word. */
function changedBlock(before: ElementContent, after: ElementContent, work: DiffWork): ElementContent[] {
  const whole = (n: ElementContent) => n.type === 'element' && MARKED_WHOLE.has(n.tagName);
  if (whole(before) || whole(after)) return [marked(before, 'del'), marked(after, 'ins')];
  if (before.type === 'element' && after.type === 'element' && holdsBlocks(before) && holdsBlocks(after))
    return [{ ...after, children: diffChildren(before.children, after.children, work) }];
  if (after.type === 'element' && after.children.length > 0)
    return [{ ...after, children: wordNodes(blockText(before), blockText(after), work) }];
  return [marked(before, 'del'), marked(after, 'ins')];
}

/**
 * The blocks of a removed run and of the added run that replaced them: a block paired with its
 * edit (pairBlocks: the same kind of element, sharing half its words) is compared inside; the
 * rest are wholly deleted or inserted.
 */
function replaceRun(removed: ElementContent[], added: ElementContent[], work: DiffWork): ElementContent[] {
  const tag = (n: ElementContent) => (n.type === 'element' ? n.tagName : n.type);
  return pairBlocks(removed, added, blockText, (r, a) => tag(r) === tag(a), work).flatMap(([r, a]) =>
    r && a ? changedBlock(r, a, work) : r ? [marked(r, 'del')] : [marked(a!, 'ins')],
  );
}

/** The children of two versions of a container (or of the bodies), aligned block by block. */
function diffChildren(before: ElementContent[], after: ElementContent[], work: DiffWork): ElementContent[] {
  const keyed = (nodes: ElementContent[]) => items(nodes).map((node) => ({ node, key: toHtml(node) }));
  const changes = align(keyed(before), keyed(after), (x) => x.key, work);
  const out: ElementContent[] = [];
  const add = (nodes: ElementContent[]) => {
    for (const n of nodes) out.push(n, text('\n'));
  };
  for (let k = 0; k < changes.length; k++) {
    const change = changes[k]!;
    if (!change.added && !change.removed) add(change.value.map((v) => v.node));
    else if (change.removed) {
      const next = changes[k + 1];
      const added = next?.added ? next.value.map((v) => v.node) : [];
      if (next?.added) k++;
      add(
        replaceRun(
          change.value.map((v) => v.node),
          added,
          work,
        ),
      );
    } else add(change.value.map((v) => marked(v.node, 'ins')));
  }
  return out;
}

/**
 * The sanitizer's schema for a compare page: the article schema, with the class of the visually
 * hidden labels allowed on <span>. Ids are already prefixed (the bodies were sanitized), so none
 * is prefixed twice.
 */
const diffSchema: SanitizeSchema = {
  ...sanitizeSchema,
  clobberPrefix: '',
  attributes: {
    ...sanitizeSchema.attributes,
    span: [...(sanitizeSchema.attributes?.['span'] ?? []), ['className', 'visually-hidden']],
  },
};

const sanitizer = unified().use(rehypeSanitize, diffSchema);

/**
 * The body of the compare page: two article bodies (the sanitized HTML each version's page
 * shows) merged into one, with the words deleted from `beforeHtml` in <del> and those inserted
 * in `afterHtml` in <ins>, inside the blocks they belong to. The result goes through the
 * sanitizer again (src/render/sanitize-schema.ts, plus the labels' class), so it holds only what
 * an article body may hold. Removing every <ins> and label gives the text of `afterHtml`;
 * removing every <del> and label gives that of `beforeHtml`. The cost is linear in the bodies'
 * length (see align), added to `work` if given; a page showing the result says, when
 * `work.capped` is above 0, that some passages changed too much to be compared word by word.
 */
export function diffBodies(beforeHtml: string, afterHtml: string, work: DiffWork = newDiffWork()): string {
  const before = fromHtml(beforeHtml, { fragment: true });
  const after = fromHtml(afterHtml, { fragment: true });
  const tree: Root = {
    type: 'root',
    children: diffChildren(before.children as ElementContent[], after.children as ElementContent[], work),
  };
  return toHtml(sanitizer.runSync(tree));
}

/** What the compare page's field list says before the old and the new value. */
const BEFORE_LABEL = 'Before: ';
const AFTER_LABEL = 'After: ';

/**
 * A changed field of the compare page's list (headline, standfirst, byline, date, editor's note)
 * as sanitized HTML: two paragraphs, "Before: " and the old value wholly in a <del>, then "After: "
 * and the new value wholly in an <ins> (each with its visually hidden label, as in the body). A
 * value that is absent ("") reads "none", unmarked. Whole values rather than a word diff: in a
 * short line the deleted and inserted words stand next to each other and run together.
 */
export function fieldChange(before: string, after: string): string {
  const side = (label: string, value: string, kind: 'del' | 'ins'): Element =>
    el('p', {}, [
      el('span', { lang: 'en' }, [text(label)]),
      value === '' ? el('span', { lang: 'en' }, [text('none')]) : mark(kind, [text(value)]),
    ]);
  const tree: Root = {
    type: 'root',
    children: [side(BEFORE_LABEL, before, 'del'), text('\n'), side(AFTER_LABEL, after, 'ins')],
  };
  return toHtml(sanitizer.runSync(tree));
}
