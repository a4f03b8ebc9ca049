import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';

// An article's prose for quotations, read from its Markdown body: the text a reader sees in the
// blocks of the page, as docs/quotes.md ("Where quotations are looked for") defines it, with each
// character's place in the body. The build reads the same blocks from the rendered page
// (bodyText in src/render/article-quotes.ts); `npm run quotes` and `npm run check` read them
// here, so their offsets index the .md body. The definition, kept by both:
//  - a block is a paragraph (in a list item, a block quotation or a footnote too), a heading or a
//    table cell, and a <p>, <li>, <blockquote>, <h1>–<h6>, <td> or <th> of raw HTML;
//  - HTML comments, tags, code spans and code blocks are not prose (a reader sees no comment, and
//    code is shown as code, not as anyone's words);
//  - character references (`&ldquo;`, `&#8220;`) and backslash escapes are the characters they
//    stand for;
//  - each block's white space is squeezed to single spaces, ends trimmed; empty blocks are left
//    out; blocks are joined with a blank line ("\n\n"), as findQuotes takes its text.
// Markdown is parsed as the site's pipeline parses it (CommonMark with GFM tables, strikethrough
// and footnotes, src/render/remark-news-gfm.ts).

/** An article's prose (see the module comment) and where each character of it is in the body. */
export interface ArticleProse {
  /** The blocks' texts, white space squeezed, joined with "\n\n". */
  readonly text: string;
  /** For each index of `text`, the body index its character starts at (a joining blank line: the next block's start). */
  readonly from: readonly number[];
  /** For each index of `text`, the body index just after its character's source (`&ldquo;` is 7 long). */
  readonly to: readonly number[];
}

/** Raw HTML elements that are blocks of prose. */
const HTML_BLOCKS = /^(?:p|li|blockquote|h[1-6]|td|th)$/;
/** Raw HTML elements whose content a reader does not see, or sees as code. */
const HTML_UNSEEN = /^(?:script|style|template|noscript|svg|math|head|title|code|pre|textarea)$/;
/** Raw HTML elements whose edges separate words. */
const HTML_BREAKS = /^(?:br|hr|div|p|li|ul|ol|dl|dt|dd|blockquote|figure|figcaption|table|tr|td|th|h[1-6]|section)$/;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** One character of a block under construction and its source span in the body. */
interface Char {
  c: string;
  from: number;
  to: number;
}

/**
 * The characters of `value` (a text node's decoded value) placed on their source `body[start, end)`:
 * each is matched to the source character it is, the character reference (`&ldquo;`) or the
 * backslash escape that gives it; source characters giving nothing (line-start indentation,
 * block quote marks of a continuation line) are passed over.
 */
function aligned(value: string, body: string, start: number, end: number): Char[] {
  const out: Char[] = [];
  let j = start;
  for (const c of value) {
    let placed = false;
    while (j < end && !placed) {
      if (body.startsWith(c, j)) {
        out.push({ c, from: j, to: j + c.length });
        j += c.length;
        placed = true;
      } else if (body[j] === '\\' && body.startsWith(c, j + 1)) {
        out.push({ c, from: j, to: j + 1 + c.length });
        j += 1 + c.length;
        placed = true;
      } else if (body[j] === '&') {
        const ref = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(
          body.slice(j, j + 40),
        );
        if (ref && (ref[3] !== undefined || decodeReference(ref) === c)) {
          out.push({ c, from: j, to: j + ref[0].length });
          j += ref[0].length;
          placed = true;
        } else j++;
      } else j++;
    }
    if (!placed) out.push({ c, from: Math.min(j, end), to: Math.min(j, end) });
  }
  return out;
}

/** The character a numeric reference stands for (named ones are matched by position). */
function decodeReference(ref: RegExpExecArray): string {
  const code = Number.parseInt(ref[1] ?? ref[2]!, ref[1] ? 16 : 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
}

/** The characters of raw HTML `body[start, end)` that a reader sees, split into blocks where a block element starts or ends. */
function htmlChars(
  body: string,
  start: number,
  end: number,
  inBlock: boolean,
  emit: (chars: Char[]) => void,
  cut: () => void,
) {
  const html = body.slice(start, end);
  let unseen = 0;
  let unseenTag = '';
  let depth = 0;
  for (const m of html.matchAll(
    /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?(?:-->|$)|<![^>]*>|[^<]+|</g,
  )) {
    const [token, closing, rawTag, attributes] = m;
    const at = start + m.index;
    if (rawTag === undefined) {
      if (unseen > 0 || token.startsWith('<!') || (!inBlock && depth === 0)) continue;
      let text = token;
      // Character references decoded as the page's parser decodes them.
      text = text.replace(
        /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos|nbsp|ldquo|rdquo|lsquo|rsquo|laquo|raquo|bdquo|sbquo|hellip|mdash|ndash));/g,
        (r, hex?: string, dec?: string, name?: string) =>
          name ? (NAMED[name] ?? NAMED_MARKS[name]!) : decodeReference([r, hex, dec] as unknown as RegExpExecArray),
      );
      emit(aligned(text, body, at, at + token.length));
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (unseen > 0) {
      if (tag === unseenTag) unseen += closing ? -1 : attributes!.endsWith('/') ? 0 : 1;
      continue;
    }
    if (!closing && HTML_UNSEEN.test(tag)) {
      unseen = 1;
      unseenTag = tag;
      continue;
    }
    if (HTML_BLOCKS.test(tag)) {
      cut();
      depth += closing ? (depth > 0 ? -1 : 0) : 1;
    } else if (HTML_BREAKS.test(tag)) emit([{ c: ' ', from: at, to: at }]);
  }
}

/** Named references for quotation marks and dashes that raw HTML writes, decoded. */
const NAMED_MARKS: Record<string, string> = {
  ldquo: '\u201c',
  rdquo: '\u201d',
  lsquo: '\u2018',
  rsquo: '\u2019',
  laquo: '\u00ab',
  raquo: '\u00bb',
  bdquo: '\u201e',
  sbquo: '\u201a',
  hellip: '\u2026',
  mdash: '\u2014',
  ndash: '\u2013',
};

/**
 * The prose of a Markdown article body (see the module comment for which text that is) and the
 * body index of each of its characters. Throws nothing: text Markdown cannot give a block to is
 * left out.
 */
export function articleProse(body: string): ArticleProse {
  const tree: Root = fromMarkdown(body, {
    extensions: [gfmTable(), gfmStrikethrough(), gfmFootnote()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmFootnoteFromMarkdown()],
  });
  const blocks: Char[][] = [];
  let current: Char[] | null = null;
  const cut = () => {
    if (current && current.length > 0) blocks.push(current);
    current = null;
  };
  const emit = (chars: Char[]) => {
    (current ??= []).push(...chars);
  };
  const inline = (node: Nodes): void => {
    const s = node.position?.start.offset ?? 0;
    const e = node.position?.end.offset ?? s;
    if (node.type === 'text') emit(aligned(node.value, body, s, e));
    else if (node.type === 'break') emit([{ c: ' ', from: s, to: e }]);
    else if (node.type === 'html') htmlChars(body, s, e, true, emit, () => emit([{ c: ' ', from: s, to: s }]));
    else if (
      node.type === 'inlineCode' ||
      node.type === 'footnoteReference' ||
      node.type === 'image' ||
      node.type === 'imageReference'
    )
      return;
    else if ('children' in node) for (const c of node.children) inline(c);
  };
  const flow = (node: Nodes): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      cut();
      for (const c of node.children) inline(c);
      cut();
    } else if (node.type === 'html') {
      const s = node.position?.start.offset ?? 0;
      cut();
      htmlChars(body, s, node.position?.end.offset ?? s, false, emit, cut);
      cut();
    } else if (node.type === 'code' || node.type === 'definition' || node.type === 'thematicBreak') cut();
    else if ('children' in node) for (const c of node.children) flow(c);
  };
  flow(tree);
  cut();
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (const chars of blocks) {
    // Squeezed as the build squeezes a block (every run of white space one space, none at the ends).
    const kept: Char[] = [];
    for (const ch of chars) {
      if (/\s/.test(ch.c)) {
        if (kept.length > 0 && kept.at(-1)!.c !== ' ') kept.push({ c: ' ', from: ch.from, to: ch.to });
      } else kept.push(ch);
    }
    while (kept.at(-1)?.c === ' ') kept.pop();
    if (kept.length === 0) continue;
    if (text) {
      text += '\n\n';
      from.push(kept[0]!.from, kept[0]!.from);
      to.push(kept[0]!.from, kept[0]!.from);
    }
    for (const ch of kept) {
      text += ch.c;
      // A character outside the Basic Multilingual Plane is two indices of the text.
      for (let k = 0; k < ch.c.length; k++) {
        from.push(ch.from);
        to.push(ch.to);
      }
    }
  }
  return { text, from, to };
}

/** The body span `[start, end)` of the prose span `[start, end)` (end exclusive, both indices of `prose.text`). */
export function bodySpan(prose: ArticleProse, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const at = prose.from[start] ?? prose.to.at(-1) ?? 0;
    return { start: at, end: at };
  }
  return { start: prose.from[start]!, end: prose.to[end - 1]! };
}
