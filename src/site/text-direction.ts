// Which way a language is written, so Arabic, Hebrew and Persian articles render right to left.
// The answer comes from the runtime's CLDR data through `Intl.Locale#getTextInfo()` (ECMA-402
// Intl Locale Info proposal), which reads the script subtag when there is one ("pa-Arab" is right
// to left, "pa" alone is Gurmukhi and left to right) and the likely script of the language when
// there is none. Node 24 and Chromium have the method; only Node also has the older `textInfo`
// getter, so the method is the one used.

/**
 * "rtl" for a right-to-left script, "ltr" otherwise, from a BCP 47 tag such as "ar", "pa-Arab" or
 * "uz-Cyrl". A language CLDR does not know ("zz") is taken as left to right.
 * @throws {RangeError} if `language` is not a well-formed BCP 47 tag (the content schema refuses those).
 */
export function textDirection(language: string): 'rtl' | 'ltr' {
  return new Intl.Locale(language).getTextInfo().direction === 'rtl' ? 'rtl' : 'ltr';
}

/** The language part of a tag ("pt-BR" -> "pt"): Pagefind keeps one index per language. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}
