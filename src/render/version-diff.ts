import { diffArrays, diffWordsWithSpace, type ChangeObject } from 'diff';
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
// marked by strike-through and underline as well as colour (src/styles/global.css). Words are
// compared by the `diff` library (Myers' algorithm, diffWordsWithSpace); the block structure of the two
// rendered bodies is kept: blocks (paragraphs, list items, quotations, table rows) are aligned
// first (diffArrays on their HTML), and words are compared only within a block that changed.

/** Text of a passage changed between two versions, as `diff` gives it. */
type WordChange = ChangeObject<string>;

/** What the visually hidden labels say, before each deletion and insertion. */
const DELETED_LABEL = 'deleted: ';
const INSERTED_LABEL = 'inserted: ';

/**
 * The most tokens (words, punctuation, runs of whitespace) one block's word comparison may find
 * changed before the block counts as replaced whole. Myers' algorithm costs about (n + m) × d for
 * texts of n and m tokens and d changes, so two wholly different texts of 16,000 words each took
 * minutes and over a gigabyte; bounded, a block costs at most (n + m) × this. Past it the words
 * are so different that "all of the old, then all of the new" is also the clearer reading.
 */
const MAX_BLOCK_EDIT = 2_000;

/**
 * The word-level differences between two versions of one block (diffWordsWithSpace of the `diff`
 * library: words, punctuation marks and runs of whitespace are tokens; plain diffWords does not
 * compare whitespace and can lose a space between the parts), with changes that only whitespace
 * separates read as one (see joinChanges); undefined when more than MAX_BLOCK_EDIT tokens changed.
 * Joining the values of the parts that are not `removed` gives `after` exactly; joining those not
 * `added` gives `before`.
 */
function blockWordChanges(before: string, after: string): WordChange[] | undefined {
  const parts = diffWordsWithSpace(before, after, { maxEditLength: MAX_BLOCK_EDIT });
  return parts && joinChanges(parts);
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
 * paragraphs (runs of text between blank lines) are aligned first (diffArrays), a removed run and
 * the added run that replaced it are paired in order and compared word by word, and the rest
 * count whole; a pair with more than MAX_BLOCK_EDIT changed tokens counts whole too. The cost is
 * therefore bounded by the text's length times MAX_BLOCK_EDIT, however different the versions.
 */
export function changeSize(before: string, after: string): ChangeSize {
  const size: ChangeSize = { added: 0, removed: 0 };
  const paragraphs = (t: string) => t.split(/\n[ \t]*\n+/).filter((p) => p.trim() !== '');
  const changes = diffArrays(paragraphs(before), paragraphs(after));
  for (let k = 0; k < changes.length; k++) {
    const change = changes[k]!;
    if (!change.added && !change.removed) continue;
    const removed = change.removed ? change.value : [];
    const next = changes[k + 1];
    const added = change.added ? change.value : next?.added ? next.value : [];
    if (change.removed && next?.added) k++;
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const [r = '', a = ''] = [removed[i], added[i]];
      const parts = r && a ? blockWordChanges(r, a) : undefined;
      if (!parts) {
        size.removed += wordCount(r);
        size.added += wordCount(a);
        continue;
      }
      for (const part of parts) {
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

/**
 * Word-level differences of two texts as text, <del> and <ins> nodes; the old text wholly deleted
 * and the new wholly inserted when more than MAX_BLOCK_EDIT tokens changed.
 */
function wordNodes(before: string, after: string): ElementContent[] {
  const parts = blockWordChanges(before, after) ?? [
    { value: before, removed: true, added: false, count: 1 },
    { value: after, removed: false, added: true, count: 1 },
  ];
  return parts.map((part) =>
    part.removed ? mark('del', [text(part.value)]) : part.added ? mark('ins', [text(part.value)]) : text(part.value),
  );
}

/** The text of a block as the reader sees it. */
function blockText(node: ElementContent): string {
  return toText(node.type === 'element' ? node : { type: 'root', children: [node] }, { whitespace: 'normal' });
}

/** Two versions of one block, compared: containers child by child, text blocks word by word. */
function changedBlock(before: ElementContent, after: ElementContent): ElementContent[] {
  const whole = (n: ElementContent) => n.type === 'element' && MARKED_WHOLE.has(n.tagName);
  if (whole(before) || whole(after)) return [marked(before, 'del'), marked(after, 'ins')];
  if (before.type === 'element' && after.type === 'element' && holdsBlocks(before) && holdsBlocks(after))
    return [{ ...after, children: diffChildren(before.children, after.children) }];
  if (after.type === 'element' && after.children.length > 0)
    return [{ ...after, children: wordNodes(blockText(before), blockText(after)) }];
  return [marked(before, 'del'), marked(after, 'ins')];
}

/**
 * Pairs the blocks of a removed run with those of the added run that replaced them, in order,
 * when they are the same kind of element (a paragraph edited in place); the rest are wholly
 * deleted or inserted.
 */
function replaceRun(removed: ElementContent[], added: ElementContent[]): ElementContent[] {
  const out: ElementContent[] = [];
  const tag = (n: ElementContent) => (n.type === 'element' ? n.tagName : n.type);
  let i = 0;
  let j = 0;
  while (i < removed.length || j < added.length) {
    const r = removed[i];
    const a = added[j];
    if (r && a && tag(r) === tag(a)) {
      out.push(...changedBlock(r, a));
      i++;
      j++;
    } else if (r && (!a || removed.length - i > added.length - j)) {
      out.push(marked(r, 'del'));
      i++;
    } else {
      out.push(marked(a!, 'ins'));
      j++;
    }
  }
  return out;
}

/** The children of two versions of a container (or of the bodies), aligned block by block. */
function diffChildren(before: ElementContent[], after: ElementContent[]): ElementContent[] {
  const keyed = (nodes: ElementContent[]) => items(nodes).map((node) => ({ node, key: toHtml(node) }));
  const changes = diffArrays(keyed(before), keyed(after), { comparator: (a, b) => a.key === b.key });
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
 * removing every <del> and label gives that of `beforeHtml`.
 */
export function diffBodies(beforeHtml: string, afterHtml: string): string {
  const before = fromHtml(beforeHtml, { fragment: true });
  const after = fromHtml(afterHtml, { fragment: true });
  const tree: Root = {
    type: 'root',
    children: diffChildren(before.children as ElementContent[], after.children as ElementContent[]),
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
