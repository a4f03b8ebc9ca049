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
import { sanitizeSchema } from '../markdown/sanitize-schema.ts';
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

/** Import-time schema: the site's, without ids and names (they mean nothing outside the original page). */
const importSchema = {
  ...sanitizeSchema,
  clobber: [],
  attributes: {
    ...sanitizeSchema.attributes,
    '*': (sanitizeSchema.attributes?.['*'] ?? []).filter(
      (a) => !['id', 'name'].includes(typeof a === 'string' ? a : a[0]),
    ),
  },
};

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
