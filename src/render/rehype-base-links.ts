import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { normalizeBase } from '../text/base-path.ts';

// Links from one archived article to another are written root-relative, as the archive serves
// them at its root (`[earlier](/articles/2022/04/first/)`). A site built under a sub-path
// (Astro's `base`, e.g. /archive/ for a GitHub Pages project site) serves them there, so such
// links get the base in front. Protocol-relative addresses ("//host/x") are another site's and
// are left alone; so are links that already start with the base.

/** Attributes that hold an address a reader follows or a page loads. */
const ADDRESS_PROPS = ['href', 'src'] as const;

/** `base` is the site's base path with a trailing slash, e.g. "/archive/"; "/" changes nothing. */
export default function rehypeBaseLinks(options: { base: string }) {
  const base = normalizeBase(options.base);
  return (tree: Root) => {
    if (base === '/') return;
    visit(tree, 'element', (node: Element) => {
      for (const prop of ADDRESS_PROPS) {
        const value = node.properties[prop];
        if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) continue;
        if (value.startsWith('/\\') || value === base.slice(0, -1) || value.startsWith(base)) continue;
        node.properties[prop] = base + value.slice(1);
      }
    });
  };
}
