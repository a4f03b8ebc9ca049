// The prose of a Markdown body, as the archive's word comparisons read it (related coverage:
// src/site/related.ts), and how much of its opening they read.

/**
 * How many characters (UTF-16 code units) of an article's opening text the word comparisons read:
 * news copy says what the story is about first, and a long article then costs no more than a
 * short one.
 */
export const LEDE_CHARS = 3000;

/**
 * A Markdown body with what is not prose taken out: link and image destinations, bare addresses
 * (http and https), HTML tags and character references, each left as a space (a destination as
 * the closing bracket before it). The words left may keep Markdown marks, which a word split drops.
 */
function markdownProse(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>\n]*>/g, ' ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/&#?\w+;/g, ' ');
}

/** The opening of a Markdown body's prose (markdownProse), LEDE_CHARS at most. */
export function markdownLede(markdown: string): string {
  return markdownProse(markdown).slice(0, LEDE_CHARS);
}
