import GithubSlugger from 'github-slugger';
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { CLOBBER_PREFIX } from './sanitize-schema.ts';

// In-page links of an article body. The sanitizer prefixes every id and name of the body
// (`id="timeline"` becomes `id="user-content-timeline"`) so a body cannot take over an id of
// the page around it; this runs after it and gives the links the same prefix, so
// `<a href="#timeline">` still reaches its target. Headings written in Markdown get their ids
// here too, prefixed the same way and slugged as GitHub does (github-slugger), so
// `[Background](#background)` reaches `## Background` (Astro keeps an id already set).

/** Options: none; a factory like every other plugin. */
export default function rehypeInPageAnchors() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    const taken = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id);
    });
    visit(tree, 'element', (node: Element) => {
      if (/^h[1-6]$/.test(node.tagName) && typeof node.properties.id !== 'string') {
        let id = `${CLOBBER_PREFIX}${slugger.slug(toString(node))}`;
        while (taken.has(id)) id = `${CLOBBER_PREFIX}${slugger.slug(toString(node))}`;
        taken.add(id);
        node.properties.id = id;
      }
      const href = node.properties.href;
      if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1) {
        const target = href.slice(1);
        if (!target.startsWith(CLOBBER_PREFIX)) node.properties.href = `#${CLOBBER_PREFIX}${target}`;
      }
    });
  };
}
