import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
import type { Root as MdRoot } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { sanitizeSchema } from '../render/sanitize-schema.ts';
import { cleanTree, type CleanReport } from './clean/apply.ts';
import type { RuleContext } from './clean/rules.ts';

// Article HTML to archive Markdown with the unified stack: parse, sanitize with the site's own
// schema, remove boilerplate, convert to Markdown. Figures stay as (sanitized) HTML so an image
// keeps its caption and credit together.

/** The Markdown body, its plain text (for finding people), and what cleaning removed. */
export interface Converted {
  markdown: string;
  text: string;
  report: CleanReport;
}

/**
 * Import-time schema: the site's elements, with only the attributes that mean something in an
 * archived copy. Ids, names, microdata (`itemprop` without its item), classes and presentational
 * attributes (`align`, `border`, which the HTML standard makes obsolete) mean nothing outside the
 * original page, and some make the built page invalid.
 */
const importSchema = {
  ...sanitizeSchema,
  clobber: [],
  attributes: {
    '*': ['dir', 'lang', 'title'],
    a: ['href'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colSpan', 'rowSpan', 'headers'],
    th: ['colSpan', 'rowSpan', 'headers', 'scope'],
    time: ['dateTime'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite'],
    ins: ['cite'],
    ol: ['start', 'reversed'],
    abbr: ['title'],
  },
};

/** Alt texts and file names of images that only decorate (rules, spacers, bullets). */
const DECORATIVE_ALT =
  /^(?:line|rule|separator|divider|spacer|space|blank|border|dot|bullet|pixel|image|img|photo|picture|icon|logo|\s*)$/i;
const DECORATIVE_FILE =
  /\/(?:spacer|pixel|blank|transparent|clear|divider|separator|line|rule|1x1)[\w-]*\.(?:gif|png|svg|jpe?g|webp)(?:$|\?)/i;

/** True for an image that only decorates: a tiny size, or a name and alt text that say it is a rule or spacer. */
function isDecorative(img: Element): boolean {
  const size = (v: unknown) => (v === undefined || v === null || v === '' ? Infinity : Number.parseInt(String(v), 10));
  if (size(img.properties.width) <= 3 || size(img.properties.height) <= 3) return true;
  const alt = String(img.properties.alt ?? '').trim();
  return DECORATIVE_FILE.test(String(img.properties.src ?? '')) && DECORATIVE_ALT.test(alt);
}

/**
 * Makes the body valid and accessible HTML under the archive's article page: headings are
 * re-levelled under the page's one <h1> without gaps (the levels used, in order, become h2, h3...);
 * images without an address or that only decorate are dropped (a figure left without its image
 * keeps its caption as a paragraph); a link inside a link, and a link around nothing but an
 * image, give way to their content (the image itself links to the original); a link with no text
 * is unwrapped. Returns what was removed, for the import report.
 */
function validStructure(tree: Root): { rule: string; text: string }[] {
  const removed: { rule: string; text: string }[] = [];
  const levels = new Set<number>();
  visit(tree, 'element', (node) => {
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) levels.add(Number(level));
  });
  const rank = [...levels].sort();
  visit(tree, 'element', (node) => {
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) node.tagName = `h${Math.min(6, rank.indexOf(Number(level)) + 2)}`;
  });
  const fix = (parent: Root | Element, inLink: boolean): void => {
    const out: (typeof parent.children)[number][] = [];
    for (const child of parent.children) {
      if (child.type !== 'element') {
        out.push(child);
        continue;
      }
      if (child.tagName === 'img' && (typeof child.properties.src !== 'string' || isDecorative(child))) {
        removed.push({ rule: 'decorative-image', text: String(child.properties.alt ?? child.properties.src ?? '') });
        continue;
      }
      fix(child, inLink || child.tagName === 'a');
      if (child.tagName === 'a') {
        const text = toText(child).trim();
        const onlyImages = child.children.every(
          (c) => (c.type === 'element' && c.tagName === 'img') || (c.type === 'text' && !c.value.trim()),
        );
        if (inLink || onlyImages || !text) {
          out.push(...(child.children as typeof out));
          continue;
        }
      }
      if (child.tagName === 'figure' && !child.children.some((c) => c.type === 'element' && c.tagName === 'img')) {
        const caption = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
        if (caption && toText(caption).trim()) out.push({ ...caption, tagName: 'p' });
        continue;
      }
      out.push(child);
    }
    parent.children = out as typeof parent.children;
  };
  fix(tree, false);
  return removed;
}

const toMarkdown = unified()
  .use(rehypeRemark, { handlers: { figure: (_state, node: Element) => ({ type: 'html', value: toHtml(node) }) } })
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', rule: '-', fences: true });

/** Strips whitespace-only text between blocks, so stray page indentation does not reach Markdown. */
function trimText(tree: Root): void {
  visit(tree, 'text', (node) => {
    node.value = node.value.replace(/\s+/g, ' ');
  });
}

/** Markdown tables have no caption: a table's caption becomes a paragraph right above it. */
function liftTableCaptions(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'table' || !parent || index === undefined) return;
    const caption = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
    if (!caption) return;
    node.children = node.children.filter((c) => c !== caption);
    parent.children.splice(index, 0, { ...caption, tagName: 'p' });
  });
}

/**
 * Links and images relative to the original page would point into the archive itself: they are
 * made absolute against the page's address, or, when that is unknown, links keep only their text.
 */
function absoluteUrls(tree: Root, base: string | undefined): void {
  visit(tree, 'element', (node, index, parent) => {
    for (const prop of ['href', 'src'] as const) {
      const value = node.properties[prop];
      if (typeof value !== 'string' || /^(?:[a-z][a-z\d+.-]*:|#)/i.test(value)) continue;
      try {
        if (!base) throw new Error('no base');
        node.properties[prop] = new URL(value, base).href;
      } catch {
        if (node.tagName === 'a' && parent && index !== undefined) parent.children.splice(index, 1, ...node.children);
        else delete node.properties[prop];
      }
    }
  });
}

/** Converts an article's hast tree (already parsed) to Markdown, cleaning it on the way. */
export function treeToMarkdown(tree: Root, ctx: RuleContext, baseUrl?: string): Converted {
  absoluteUrls(tree, baseUrl);
  const safe = unified().use(rehypeSanitize, importSchema).runSync(tree) as Root;
  trimText(safe);
  const report = cleanTree(safe, ctx);
  report.removed.push(...validStructure(safe));
  liftTableCaptions(safe);
  const mdast = toMarkdown.runSync(safe) as MdRoot;
  const markdown = toMarkdown.stringify(mdast).trim() + '\n';
  const text = toText(safe)
    .replace(/[ \t]+/g, ' ')
    .trim();
  return { markdown, text, report };
}

/** Parses article HTML into a tree. */
export function parseHtmlFragment(html: string): Root {
  return unified().use(rehypeParse, { fragment: true }).parse(html);
}
