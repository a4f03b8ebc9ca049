import { parseHtmlFragment, treeToMarkdown } from '../../src/import/markdown.ts';

// The story the boilerplate tests put each block after: one paragraph of a harbour story, on a
// page whose headline and site name the cleaning rules are given.

const CONTEXT = { title: 'Harbour board delays vote', siteName: 'Port Hollis Ledger' };

/** The story paragraph's text. */
export const STORY = 'The board will meet again on Nov. 16, the chair said.';

/** The story paragraph as HTML. */
export const P = `<p>${STORY}</p>`;

/**
 * Markdown of an HTML fragment after the importer's cleaning (trimmed), the names of the rules
 * that fired (each once) and the image credits kept.
 */
export function clean(html: string) {
  const { markdown, report } = treeToMarkdown(parseHtmlFragment(html), CONTEXT, 'https://ledger.example/news/x');
  return { markdown: markdown.trim(), rules: [...new Set(report.removed.map((r) => r.rule))], credits: report.credits };
}
