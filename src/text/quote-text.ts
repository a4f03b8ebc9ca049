// Passages of a quotation compared as an editor copies them: from the page (plain text) or from the
// Markdown file (with its emphasis, links and escapes), with any white space.

/**
 * `text` as passages of quotations are compared: Markdown's inline markup taken out (links and
 * images keep their text, emphasis and code marks, backslash escapes and HTML tags go, as do the
 * line-start marks of headings, block quotes and lists), every run of white space one space, none
 * at the ends. Plain text without markup comes back only single-spaced ("_" and "*" between
 * letters, as in snake_case, stay).
 */
export function comparableQuoteText(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/^[^\S\n]*(?:#{1,6}[^\S\n]+|>[^\S\n]?|[-*+][^\S\n]+|\d+\.[^\S\n]+)/gm, '')
    .replace(/(?<![\p{L}\p{N}\\])[*_~`]+|(?<!\\)[*_~`]+(?![\p{L}\p{N}])/gu, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!"'~|<>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A quotation's words as pages show them: without the comma (and the white space) that ends them
 * when the sentence goes on after the closing mark (`“We will appeal,” she said`). US and Chicago
 * style put that comma inside the mark (The Chicago Manual of Style 6.9), but it is the reporting
 * sentence's punctuation, not the speaker's; a full stop, question or exclamation mark stays.
 */
export function shownQuoteText(text: string): string {
  return text.replace(/\s*,\s*$/, '');
}
