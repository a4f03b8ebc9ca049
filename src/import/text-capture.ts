import type { Element, Root } from 'hast';

// A plain-text copy of an article (copied from a browser or a scraper's text output): the first
// line is the headline, blank lines separate paragraphs.

/**
 * One blank-line-separated block as paragraphs: a hard-wrapped paragraph (each line continuing
 * in lower case, or three or more lines of even width) is joined; otherwise each line is its own
 * block, as when a credit line sits right under the headline.
 */
function splitBlock(block: string): string[] {
  const lines = block
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const continues = lines.slice(1).every((l) => /^[\p{Ll}\d(“"'‘]/u.test(l));
  const evenWidth = lines.length > 2 && lines.slice(0, -1).every((l) => l.length >= 50 && l.length <= 100);
  const wrapped = lines.length > 1 && (continues || evenWidth);
  return wrapped ? [lines.join(' ')] : lines;
}

/** Headline and body tree of a plain-text capture. */
export function readTextCapture(text: string): { title: string | undefined; tree: Root } {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .flatMap(splitBlock)
    .filter(Boolean);
  const head = blocks[0];
  const title = head && head.length <= 200 && !/[.!?]["”’]?$/.test(head) ? head : undefined;
  const body = title ? blocks.slice(1) : blocks;
  const paragraphs: Element[] = body.map((b) => ({
    type: 'element',
    tagName: 'p',
    properties: {},
    children: [{ type: 'text', value: b }],
  }));
  return { title, tree: { type: 'root', children: paragraphs } };
}
