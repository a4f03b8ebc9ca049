import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

// Archived pages load nothing from another origin: an image that still points at the original
// site becomes a link to it (with its alt text), so the reader can follow it deliberately.

/** Options: none yet; kept as a factory so it reads like every other plugin. */
export default function rehypeRemoteImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || parent === undefined || index === undefined) return;
      const src = String(node.properties.src ?? '');
      if (!/^(https?:)?\/\//i.test(src)) return;
      const alt = String(node.properties.alt ?? '').trim();
      const link: Element = {
        type: 'element',
        tagName: 'a',
        properties: { href: src, className: ['remote-image'], rel: ['nofollow', 'noopener', 'noreferrer'] },
        children: [{ type: 'text', value: alt ? `Image on the original site: ${alt}` : 'Image on the original site' }],
      };
      parent.children[index] = link;
    });
  };
}
