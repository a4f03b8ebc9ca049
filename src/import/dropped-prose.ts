import { parseHTML } from 'linkedom';
import { BLOCK_RULES } from './clean/rules.ts';
import { lowerLettersAndDigits } from '../text/fold.ts';
import { singleSpaced } from '../text/white-space.ts';

// Prose the extractor dropped from the middle of the article. Readability removes a block whose
// text is mostly link (a paragraph the site marked up as one link, a linked card), and its
// conditional cleaning removes short link-heavy <div>s by a count of commas; either way a
// paragraph between two kept ones can vanish without a word. So the page's text blocks are
// numbered before extraction and compared after it: a block of prose left out between the first
// and the last block kept is put back where it stood, or, when it does not read as the article's
// own (a pull quote, a caption, a teaser), named in the report; either way not dropped silently.

/** The attribute that numbers the page's text blocks while the extractor runs. */
const MARK = 'data-archive-block';

/** Elements that are blocks of a page (a text run in one of them is a line of its own). */
const BLOCK =
  /^(?:P|LI|PRE|TD|TH|BLOCKQUOTE|DD|DT|DIV|SECTION|ARTICLE|MAIN|ASIDE|HEADER|FOOTER|NAV|H[1-6]|FIGCAPTION|FIGURE|CAPTION|TABLE|TR|TBODY|THEAD|UL|OL|DL|FORM|FIELDSET|ADDRESS|CENTER|DETAILS|SUMMARY|BODY)$/;

/** Site furniture and forms: text dropped from them is neither put back nor reported. */
const FURNITURE =
  'nav, footer, header, form, button, label, select, noscript, template, dialog, iframe, [role="navigation"], [role="contentinfo"], [role="banner"]';

/** Where dropped text is never put back: furniture, and asides, figures and tables (reported instead). */
const NOT_RESTORED = `${FURNITURE}, aside, figure, figcaption, table, [role="complementary"]`;

/** Text with spaces collapsed. */
const text = (el: Element) => singleSpaced(el.textContent ?? '');

/** True when an element holds text of its own: a non-empty text node, or an inline child with text. */
function holdsOwnText(el: Element): boolean {
  for (const child of el.childNodes) {
    if (child.nodeType === 3 && (child.textContent ?? '').trim()) return true;
    if (child.nodeType === 1 && !BLOCK.test((child as Element).tagName) && (child.textContent ?? '').trim())
      return true;
  }
  return false;
}

/**
 * True for a sentence or more of prose: 8 words or more ending with a full stop, question or
 * exclamation mark (a closing quote or bracket may follow). Headlines of teasers, labels, dates
 * and menus do not end so.
 */
export function isProse(line: string): boolean {
  return line.split(/\s+/).length >= 8 && /[.!?…。！？]["'”’»)\]]*$/u.test(line);
}

/**
 * Numbers the text blocks of the document (elements holding text of their own, in document
 * order) and returns a copy of its body as it is before extraction, to put dropped blocks back
 * from. Run it just before the extractor.
 */
export function markBlocks(doc: Document): Element {
  let n = 0;
  for (const el of doc.body?.querySelectorAll('*') ?? [])
    if (BLOCK.test(el.tagName) && holdsOwnText(el)) el.setAttribute(MARK, String(n++));
  return doc.body.cloneNode(true) as Element;
}

/** The blocks of an extracted article's HTML, by number. */
function numbered(root: ParentNode): Map<number, Element> {
  const out = new Map<number, Element>();
  for (const el of root.querySelectorAll(`[${MARK}]`)) out.set(Number(el.getAttribute(MARK)), el);
  return out;
}

/** A copy of a block for the article: no scripts, styles or attributes but the ones content needs. */
function cleanCopy(el: Element): Element {
  const copy = el.cloneNode(true) as Element;
  for (const junk of copy.querySelectorAll('script, style, noscript, template, iframe, input, button')) junk.remove();
  for (const e of [copy, ...copy.querySelectorAll('*')])
    for (const attr of [...e.attributes])
      if (!['href', 'src', 'alt', 'title', 'lang', 'dir', 'cite', 'datetime'].includes(attr.name))
        e.removeAttribute(attr.name);
  return copy;
}

/** What restoreDroppedProse gives back: the article's HTML, the text put back, and the text left out. */
export interface Restored {
  html: string;
  /** The text of each unit put back. */
  restored: string[];
  /** Prose dropped between kept blocks that does not read as the article's own (a pull quote, a caption, a box), for the report. */
  leftOut: string[];
}

/** True when the page hides an element (or one of its ancestors) from every reader. */
function hidden(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return true;
    if (/(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(e.getAttribute('style') ?? '')) return true;
  }
  return false;
}

/** True for a link that wraps blocks (a card): a teaser of another page, unless turned into a quotation before. */
const isCard = (a: Element) => !!a.querySelector('div, p, h1, h2, h3, h4, h5, h6, li, figure');

/** An element's shape for comparing it with its neighbours: tag name and class attribute. */
const shape = (el: Element) => `${el.tagName} ${(el.getAttribute('class') ?? '').trim().split(/\s+/).sort().join(' ')}`;

/**
 * Puts back prose the extractor dropped between the article's kept blocks (see the module
 * comment). `before` is markBlocks' copy of the page; `html` the extracted article. A block is
 * dropped when its text is not in the extracted article. It is put back when it is prose
 * (isProse), lies between the first and the last kept blocks, is not hidden, not site furniture,
 * a form, a figure or a table (NOT_RESTORED), no boilerplate rule of clean/rules.ts names it, and
 * its unit (its largest container holding no kept block) has the shape (tag and class) of a
 * neighbour that holds kept text, holds no heading and no linked card: so a pull quote, a caption,
 * a note box or a teaser stays out, and a paragraph marked up like the paragraphs around it comes
 * back. The unit goes back whole, before the next kept block. Prose dropped there that is not put
 * back (but for hidden text, site furniture and forms, and what a boilerplate rule names) is
 * listed in `leftOut`, so the report can say so. The numbering is removed from the result either
 * way.
 */
export function restoreDroppedProse(before: Element, html: string): Restored {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const kept = numbered(document.body);
  const restored: string[] = [];
  const leftOut: string[] = [];
  if (kept.size >= 2) {
    const out = lowerLettersAndDigits(document.body.textContent ?? '');
    const original = numbered(before);
    const ids = [...kept.keys()].sort((a, b) => a - b);
    const first = ids[0]!;
    const last = ids.at(-1)!;
    const present = (el: Element) =>
      kept.has(Number(el.getAttribute(MARK))) || out.includes(lowerLettersAndDigits(text(el)));
    const keptOriginals = [...original.values()].filter((el) => text(el) && present(el));
    const done = new Set<Element>();
    for (let id = first + 1; id < last; id++) {
      const block = original.get(id);
      if (!block || kept.has(id) || [...done].some((u) => u.contains(block))) continue;
      const line = text(block);
      if (!isProse(line) || out.includes(lowerLettersAndDigits(line)) || hidden(block) || block.closest(FURNITURE))
        continue;
      if (BLOCK_RULES.some((r) => r.matches(line, {}))) continue;
      // The unit: the largest container of the block that holds no kept block.
      let unit = block;
      while (
        unit.parentElement &&
        unit.parentElement !== before &&
        !keptOriginals.some((k) => unit.parentElement!.contains(k))
      )
        unit = unit.parentElement;
      // A unit left out is reported once, by its prose.
      const leave = () => {
        done.add(unit);
        leftOut.push(
          [unit, ...unit.querySelectorAll(`[${MARK}]`)]
            .filter((e) => e.hasAttribute(MARK) && !hidden(e) && !present(e))
            .map(text)
            .filter(isProse)
            .join(' '),
        );
      };
      if (block.closest(NOT_RESTORED)) {
        leave();
        continue;
      }
      const neighbours = [...(unit.parentElement?.children ?? [])].filter(
        (n) => n !== unit && keptOriginals.some((k) => n.contains(k)),
      );
      const prose = [unit, ...unit.querySelectorAll(`[${MARK}]`)]
        .filter((e) => e.hasAttribute(MARK))
        .map(text)
        .filter(isProse)
        .join(' ').length;
      if (
        keptOriginals.some((k) => unit.contains(k)) ||
        unit.matches(NOT_RESTORED) ||
        unit.querySelector(`h1, h2, h3, h4, h5, h6, ${NOT_RESTORED}`) ||
        [...unit.querySelectorAll('a'), ...(unit.tagName === 'A' ? [unit] : [])].some(isCard) ||
        !neighbours.some((n) => shape(n) === shape(unit)) ||
        prose < 0.6 * text(unit).length
      ) {
        leave();
        continue;
      }
      const anchor = kept.get(ids.find((k) => k > id)!)!;
      anchor.insertAdjacentHTML('beforebegin', cleanCopy(unit).outerHTML);
      done.add(unit);
      restored.push(text(unit));
    }
  }
  for (const el of document.body.querySelectorAll(`[${MARK}]`)) el.removeAttribute(MARK);
  return { html: document.body.innerHTML, restored, leftOut };
}
