import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

// Archived pages load nothing from another origin: an image that still points at the original
// site becomes a link to it (with its alt text), and a <source> offering remote images is dropped.
// Addresses are read with the browser's own URL parser, so "https:\\host", "//host" and
// tab-split schemes are recognised as remote exactly as a browser would resolve them.

const HERE = 'https://archive.invalid/';

/** True when a browser would fetch this address from another origin. */
function isRemote(address: string): boolean {
  try {
    return new URL(address, HERE).origin !== new URL(HERE).origin;
  } catch {
    return false;
  }
}

/** The link an off-site image is replaced with. */
function imageLink(node: Element): Element {
  const alt = String(node.properties.alt ?? '').trim();
  return {
    type: 'element',
    tagName: 'a',
    properties: {
      href: new URL(String(node.properties.src), HERE).href,
      className: ['remote-image'],
      rel: ['nofollow', 'noopener', 'noreferrer'],
    },
    children: [{ type: 'text', value: alt ? `Image on the original site: ${alt}` : 'Image on the original site' }],
  };
}

/** Options: none; a factory like every other plugin. */
export default function rehypeRemoteImages() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (parent === undefined || index === undefined) return;
      if (node.tagName === 'img' && typeof node.properties.src === 'string' && isRemote(node.properties.src)) {
        parent.children[index] = imageLink(node);
        return SKIP;
      }
      const srcset = node.properties.srcSet;
      if (
        node.tagName === 'source' &&
        srcset !== undefined &&
        String(srcset)
          .split(',')
          .some((c) => isRemote(c.trim().split(/\s+/)[0] ?? ''))
      ) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}
