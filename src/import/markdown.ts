import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { toText } from 'hast-util-to-text';
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
  const size = (v: Element['properties'][string]) =>
    v === undefined || v === null || v === '' ? Infinity : Number.parseInt(String(v), 10);
  if (size(img.properties.width) <= 3 || size(img.properties.height) <= 3) return true;
  const alt = String(img.properties.alt ?? '').trim();
  return DECORATIVE_FILE.test(String(img.properties.src ?? '')) && DECORATIVE_ALT.test(alt);
}

/**
 * Makes the body valid and accessible HTML under the archive's article page (checked with the Nu
 * HTML Checker on imported pages): headings are re-levelled under the page's one <h1> without
 * gaps (the levels used, in order, become h2, h3..., and no heading is more than one level below
 * the one before it, so the first is an h2); images without an address or that only decorate are
 * dropped (a figure left without its image keeps its caption as a paragraph); a figure's captions
 * become one, after its images (oneCaptionLast: a remote image, turned into a link on the page,
 * never follows the caption); image sizes that are not whole numbers are dropped; a <time> whose
 * datetime is not in HTML's forms is unwrapped; a link inside a link, and a link around nothing
 * but an image, give way to their content (the image itself links to the original); a link with
 * no text is unwrapped. Returns what was removed, for the import report.
 */
function validStructure(tree: Root): { rule: string; text: string }[] {
  const removed: { rule: string; text: string }[] = [];
  const levels = new Set<number>();
  visit(tree, 'element', (node) => {
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (level) levels.add(Number(level));
  });
  const rank = [...levels].sort();
  // In document order, no heading goes more than one level below the one before it (the page's
  // <h1> comes first), so the body's first heading is an h2 and no level is skipped.
  let previous = 1;
  visit(tree, 'element', (node) => {
    const level = /^h([1-6])$/.exec(node.tagName)?.[1];
    if (!level) return;
    previous = Math.min(6, rank.indexOf(Number(level)) + 2, previous + 1);
    node.tagName = `h${previous}`;
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
      if (child.tagName === 'figure') oneCaptionLast(child);
      if (child.tagName === 'img') integerSizes(child);
      if (child.tagName === 'time' && !validDatetime(child.properties.dateTime ?? toText(child))) {
        // Without a datetime in HTML's forms, HTML requires the text itself to be one: the text stays, unmarked.
        out.push(...(child.children as typeof out));
        continue;
      }
      out.push(child);
    }
    parent.children = out;
  };
  fix(tree, false);
  return removed;
}

/**
 * A figure's captions as HTML allows them (a <figure> holds one <figcaption>, its first or last
 * child): several captions (a caption and a credit) are joined into one, put last, after every
 * image, whatever order the page had them in.
 */
function oneCaptionLast(figure: Element): void {
  const captions = figure.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
  if (captions.length === 0) return;
  const rest = figure.children.filter((c) => !captions.includes(c as Element));
  const joined = captions.flatMap((c, i) => [...(i > 0 ? [{ type: 'text' as const, value: ' ' }] : []), ...c.children]);
  figure.children = [...rest, { ...captions[0]!, children: joined }];
}

/** Drops an image's width and height unless they are whole numbers of pixels, the only values HTML allows. */
function integerSizes(img: Element): void {
  for (const prop of ['width', 'height'] as const) {
    const v = img.properties[prop];
    if (v !== undefined && !/^\d+$/.test(String(v).trim())) delete img.properties[prop];
  }
}

/**
 * Whether a <time datetime> value is one of HTML's forms (a year, month, date, time, local or
 * global date and time, or a duration; HTML standard, "The time element"); pages also
 * write "last Tuesday" or "2023/05/02", which HTML refuses.
 */
function validDatetime(value: unknown): boolean {
  const v = String(value).trim();
  const date = /^\d{4,}(?:-\d{2}(?:-\d{2})?)?$/;
  const time = /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/;
  const dateTime = /^\d{4,}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
  const duration = /^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,3})?S)?)?$/;
  return [date, time, dateTime, duration].some((re) => re.test(v)) && v !== 'P' && v !== 'PT';
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
      if (typeof value !== 'string' || value.startsWith('#')) continue;
      if (/^[a-z][a-z\d+.-]*:/i.test(value)) {
        // An address as a browser reads it (spaces and other characters HTML refuses encoded).
        if (/^https?:/i.test(value))
          try {
            node.properties[prop] = new URL(value).href;
          } catch {
            // left as written; the sanitizer and the renderer judge it
          }
        continue;
      }
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
  const safe = unified().use(rehypeSanitize, importSchema).runSync(tree);
  trimText(safe);
  const report = cleanTree(safe, ctx);
  report.removed.push(...validStructure(safe));
  liftTableCaptions(safe);
  const mdast = toMarkdown.runSync(safe);
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
