import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { CLOBBER_PREFIX } from './sanitize-schema.ts';

// Anchors on the blocks of an article body a reader may be sent to: every paragraph, list item
// and block quotation holding no other such block (see bodyText in article-quotes.ts, which
// reads them back) gets `id="user-content-paragraph-N"`, N counting those blocks from 1 in reading
// order, so a quote listed on a person page links to the paragraph it is in. Every paragraph
// rather than only those holding a quote: an anchor then depends on the body alone, never on the
// quote rules or an editor's corrections, so a link made once keeps reaching its paragraph. It
// runs after the sanitizer and carries its clobber prefix like every id of a body, so no id of a
// body can take over one of the page's own. A block that already has an id keeps it and is
// reached by it; where the body's own markup already holds the anchor a block would get (its
// `id="paragraph-3"`, prefixed by the sanitizer), the block gets the next free `-N` form after it.
// Each table gets `id="user-content-table-N"` (N counting tables, apart from the paragraphs), so a
// quotation in one of its cells links to the table.

/** Elements that are a block of the body's text when no block of this kind is inside them. */
export const TEXT_BLOCKS = new Set(['p', 'li', 'blockquote']);

/** What every paragraph anchor starts with. */
const PARAGRAPH_ANCHOR = `${CLOBBER_PREFIX}paragraph-`;
/** What every table's anchor starts with: a quotation in a table cell links to its table. */
const TABLE_ANCHOR = `${CLOBBER_PREFIX}table-`;

/** True when `node` holds a text block (TEXT_BLOCKS) among its descendants. */
function holdsTextBlock(node: Element): boolean {
  return node.children.some((c) => c.type === 'element' && (TEXT_BLOCKS.has(c.tagName) || holdsTextBlock(c)));
}

/** Options: none; a factory like every other plugin. */
export default function rehypeParagraphAnchors() {
  return (tree: Root) => {
    const taken = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
    });
    let n = 0;
    let tables = 0;
    visit(tree, 'element', (node: Element) => {
      // Tables counted apart, so a table never moves the paragraphs' numbers.
      if (node.tagName === 'table') {
        tables++;
        if (typeof node.properties.id === 'string') return;
        let id = `${TABLE_ANCHOR}${tables}`;
        for (let k = 1; taken.has(id); k++) id = `${TABLE_ANCHOR}${tables}-${k}`;
        taken.add(id);
        node.properties.id = id;
        return;
      }
      if (!TEXT_BLOCKS.has(node.tagName) || holdsTextBlock(node)) return;
      n++;
      if (typeof node.properties.id === 'string') return;
      let id = `${PARAGRAPH_ANCHOR}${n}`;
      for (let k = 1; taken.has(id); k++) id = `${PARAGRAPH_ANCHOR}${n}-${k}`;
      taken.add(id);
      node.properties.id = id;
    });
  };
}
