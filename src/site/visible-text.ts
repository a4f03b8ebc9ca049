import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

// The text of a rendered body as a reader sees it: what the Changes feed shows of a version and
// what the search records hold.

/**
 * The text a reader sees in sanitized HTML, as the browser's innerText would give it (block
 * elements on their own lines, character references decoded, link targets and markup gone),
 * through hast-util-from-html and hast-util-to-text, with every <details> block open.
 */
export function visibleText(html: string): string {
  const tree = fromHtml(html, { fragment: true });
  // A closed <details> hides its content from innerText, but the reader can open it.
  visit(tree, 'element', (node) => {
    if (node.tagName === 'details') node.properties.open = true;
  });
  return toText(tree)
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
