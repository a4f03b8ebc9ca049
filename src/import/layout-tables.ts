import { singleSpaced } from '../text/white-space.ts';

// Pages from before CSS layout (the late 1990s and 2000s) set the whole page in a <table>: a cell
// for the logo and the menu (often with the day's date under it), a cell for the story, a cell
// for the weather and the classifieds. Readability scores the cells' row as the article's
// container and keeps every cell of it, so the menu and the date became the article's first
// lines. Here the cells of layout tables that are navigation or chrome are removed before
// extraction: cells whose text is mostly links (menus, link bars, "Printer-friendly version |
// E-mail this story"), and cells with no text but linked images or spacers (logos). A cell
// holding prose is never removed, and data tables are left alone.
//
// Layout and data tables are told apart after the heuristics browsers use to decide whether a
// table is for layout (Firefox's accessibility engine, `IsProbablyLayoutTable`; Readability's
// `_getReadabilityDataTable`): a table with a caption, header cells, thead/tfoot, a summary, or
// a table role is data; a table marked role=presentation, holding another table, or whose cells
// hold blocks of their own (paragraphs, headings, lists, forms, line-broken text) is layout.

/** Elements that make a cell a container of page parts rather than a datum. */
const BLOCK_CONTENT = 'p, div, h1, h2, h3, h4, h5, h6, ul, ol, dl, form, table, blockquote, br';

/** Text with spaces collapsed. */
const text = (node: Node | null) => singleSpaced(node?.textContent ?? '');

/** The rows of this table, not of tables nested in it. */
function ownRows(table: Element): Element[] {
  return [...table.querySelectorAll('tr')].filter((tr) => tr.closest('table') === table);
}

/** The cells of this table, not of tables nested in it. */
function ownCells(table: Element): Element[] {
  return ownRows(table).flatMap((tr) => [...tr.children].filter((c) => c.tagName === 'TD' || c.tagName === 'TH'));
}

/** True for a table used for layout, not for data (see the module comment). */
export function isLayoutTable(table: Element): boolean {
  const role = (table.getAttribute('role') ?? '').toLowerCase();
  if (role === 'presentation' || role === 'none') return true;
  if (role === 'table' || role === 'grid' || role === 'treegrid') return false;
  if (table.getAttribute('summary')?.trim()) return false;
  if ([...table.children].some((c) => /^(?:CAPTION|THEAD|TFOOT|COLGROUP)$/.test(c.tagName))) return false;
  const cells = ownCells(table);
  if (cells.some((c) => c.tagName === 'TH')) return false;
  if (table.querySelector('table')) return true;
  return cells.some((c) => c.querySelector(BLOCK_CONTENT));
}

/** Characters of a node's text inside links, and in all. */
function linkShare(cell: Element): { all: number; links: number } {
  const all = text(cell).replace(/\s/g, '').length;
  let links = 0;
  for (const a of cell.querySelectorAll('a'))
    if (!a.parentElement?.closest('a')) links += text(a).replace(/\s/g, '').length;
  return { all, links };
}

/** Characters of text outside links in a cell: prose, whatever its markup (<p>, <br>, <font>). */
function proseOutsideLinks(cell: Element): number {
  const copy = cell.cloneNode(true) as Element;
  for (const a of copy.querySelectorAll('a, script, style, form, select, option')) a.remove();
  return text(copy).length;
}

/** True for an image that is decoration: a spacer (a pixel wide or high, or named so). */
function isSpacer(img: Element): boolean {
  const w = Number(img.getAttribute('width'));
  const h = Number(img.getAttribute('height'));
  return (
    (w > 0 && w <= 2) ||
    (h > 0 && h <= 2) ||
    /spacer|blank|pixel|clear\.gif|trans(?:parent)?\.gif/i.test(img.getAttribute('src') ?? '')
  );
}

/**
 * True for a cell of a layout table that is navigation or chrome: it holds no prose (under 200
 * characters outside links) and either most of its text is in links, or it has no text and
 * only linked images (a logo) or spacers. A cell holding a table of its own is judged by its own
 * cells instead.
 */
function isChromeCell(cell: Element): boolean {
  if (cell.querySelector('table')) return false;
  if (proseOutsideLinks(cell) >= 200) return false;
  const { all, links } = linkShare(cell);
  if (all === 0) {
    const images = [...cell.querySelectorAll('img')];
    return images.every((img) => isSpacer(img) || !!img.closest('a[href]'));
  }
  return links > 0 && links >= 0.5 * all;
}

/**
 * Removes the navigation and chrome cells of the document's layout tables (see the module
 * comment) and returns the text of each cell removed. A cell is emptied rather than removed, so
 * the table keeps its shape.
 */
export function removeLayoutChrome(doc: Document): string[] {
  const removed: string[] = [];
  for (const table of [...doc.querySelectorAll('table')]) {
    if (!isLayoutTable(table)) continue;
    for (const cell of ownCells(table)) {
      if (!isChromeCell(cell)) continue;
      const t = text(cell);
      if (t) removed.push(t);
      cell.replaceChildren();
    }
  }
  return removed;
}

/**
 * Turns every <font> into a <span> with the same attributes and children, before extraction.
 * Readability does the same, but only after it has turned runs of `<br><br>` into paragraphs; a
 * <font> is not phrasing content to it then, so the break between a page's head lines and a
 * first paragraph set in its own <font> ("By John Smith<br>June 1, 1998</font><br><br><font>The
 * county …") was dropped and the date glued to the paragraph. As a <span>, the paragraph after
 * the break becomes a paragraph of its own.
 */
export function fontsToSpans(doc: Document): void {
  for (const font of [...doc.querySelectorAll('font')]) {
    const span = doc.createElement('span');
    for (const { name, value } of [...font.attributes]) span.setAttribute(name, value);
    span.append(...font.childNodes);
    font.replaceWith(span);
  }
}
