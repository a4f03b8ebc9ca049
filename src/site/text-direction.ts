// Which way a language is written, so Arabic, Hebrew and Persian articles render right to left.

const RTL = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ks', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** "rtl" for right-to-left languages, "ltr" otherwise, from a BCP 47 tag. */
export function textDirection(language: string): 'rtl' | 'ltr' {
  return RTL.has(primaryLanguage(language)) ? 'rtl' : 'ltr';
}

/** The language part of a tag ("pt-BR" -> "pt"): Pagefind keeps one index per language. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}
