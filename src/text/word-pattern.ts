// Regular-expression sources built from word lists, so a list has one home and each pattern
// that reads it says only how (anchors, flags).

/** A string with every character that has a meaning in a regular expression escaped: "St." -> "St\\.". */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A regular-expression source matching any one of `words` literally: the words escaped and joined
 * with "|", longest first (so "del" is tried before "de"). Wrap it in a group: `(?:${...})`.
 */
export function wordAlternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}
