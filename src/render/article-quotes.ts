import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { cacheDir } from './cache-dir.ts';
import { holdsTextBlock, TEXT_BLOCKS } from './rehype-paragraph-anchors.ts';
import { setting } from '../content/settings.ts';
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
  /** The block element's id ("paragraph-3"), or null when it has none. */
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

/** Text of one block: white space squeezed to single spaces (a blank line only ever separates blocks). */
function blockText(node: Element): string {
  return toText(node).replace(/\s+/g, ' ').trim();
}

/**
 * The text of sanitized body HTML as findQuotes takes it: every paragraph, list item and block
 * quotation holding no other such block (TEXT_BLOCKS) is one block, in reading order; empty
 * blocks are left out; text outside them (headings, tables, captions) is not part of it.
 */
export function bodyText(html: string): BodyText {
  const parts: string[] = [];
  const blocks: TextBlock[] = [];
  let at = 0;
  const walk = (nodes: (RootContent | Root['children'][number])[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue;
      if (TEXT_BLOCKS.has(node.tagName) && !holdsTextBlock(node)) {
        const text = blockText(node);
        if (!text) continue;
        if (parts.length > 0) at += 2;
        const id = node.properties.id;
        blocks.push({ start: at, end: at + text.length, anchor: typeof id === 'string' ? id : null });
        parts.push(text);
        at += text.length;
      } else walk(node.children);
    }
  };
  walk(fromHtml(html, { fragment: true }).children);
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
/**
 * A hash of the quote rules' code: src/text/quotes.ts and any src/text/quote-*.ts beside it, read
 * from the working directory (as cacheDir reads src/render/); the rule function's own code when
 * they cannot be read there.
 */
function rulesVersion(): string {
  if (rules !== undefined) return rules;
  const hash = createHash('sha256');
  try {
    for (const f of readdirSync('src/text')
      .filter((f) => /^quotes?[-.]/.test(f))
      .sort())
      hash.update(f).update(readFileSync(path.join('src/text', f)));
  } catch {
    hash.update(findQuotes.toString());
  }
  return (rules = hash.digest('hex'));
}

let quotesFolder: { setting: string | undefined; dir: string } | undefined;
/** The folder of cached quotes, created on first use (again if ARCHIVE_CACHE_DIR changes). */
function quotesDir(): string {
  const given = setting('ARCHIVE_CACHE_DIR');
  if (quotesFolder?.setting !== given || quotesFolder === undefined) {
    quotesFolder = { setting: given, dir: path.join(cacheDir(), 'quotes') };
    mkdirSync(quotesFolder.dir, { recursive: true });
  }
  return quotesFolder.dir;
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
 * The quotes of an article whose body renders to the sanitized `html` (renderArticleBody), in
 * reading order, by findQuotes's contract (src/text/quotes.ts), each with its paragraph's anchor.
 * A quote's `person` is always one of `options.people` or null. Cached on disk (see the module
 * comment); a cache that cannot be read is computed again.
 * @throws {NodeJS.ErrnoException} when the cache cannot be written.
 */
export function articleQuotes(html: string, options: ArticleQuoteOptions): BodyQuote[] {
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
  const cached = path.join(quotesDir(), `${key}.json`);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as BodyQuote[];
  } catch {
    // not computed yet
  }
  const quotes = quotesOfText(bodyText(html), options);
  const tmp = `${cached}.${process.pid}-${threadId}.tmp`;
  writeFileSync(tmp, JSON.stringify(quotes));
  renameSync(tmp, cached);
  return quotes;
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
