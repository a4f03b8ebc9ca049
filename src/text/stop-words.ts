// Stop words: the short function words of a language ("the", "in", "their"), which a query of
// several words holds for its grammar, not as what the reader looks for. Search still needs them
// (a record matches every word typed), but the search page does not mark them in excerpts
// (browser/marks.ts). The lists are the most frequent function words of each language, after the
// Snowball project's stop word lists (snowballstem.org/algorithms/*/stop.txt), written without
// diacritics as search compares words (browser/search-state.ts, folded).
//
// No Node APIs: the search page's browser code uses this module.

const LISTS: Record<string, string> = {
  en: `a about after again all also am an and any are as at be because been before being both but by
    can could did do does doing during each few for from had has have having he her here hers him his
    how i if in into is it its itself just me more most my no nor not now of off on once only or other
    our ours out over own same she should so some such than that the their theirs them then there
    these they this those through to too under until up us very was we were what when where which
    while who whom why will with would you your yours`,
  fr: `a au aux avec ce ces cet cette d dans de des du elle elles en est et eu il ils je l la le les
    leur leurs lui ma mais me meme mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa
    se ses son sont sur ta te tes toi ton tu un une vos votre vous y`,
  de: `aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du ein eine einem
    einen einer eines er es fur hat ich ihr im in ist ja mit nach nicht noch nur oder sich sie sind so
    uber um und uns von vom war wie wir zu zum zur`,
  es: `a al como con de del el en es esta este ha la las le les lo los mas me mi no o para pero por
    que se si sin su sus un una unas uno unos y ya`,
};

const SETS = new Map(Object.entries(LISTS).map(([lang, words]) => [lang, new Set(words.split(/\s+/).filter(Boolean))]));

/**
 * True when `word` (lower case, without diacritics) is a stop word of `language` (a BCP 47 tag;
 * its primary subtag picks the list). A language without a list has none.
 */
export function isStopWord(word: string, language: string): boolean {
  return SETS.get(language.split('-')[0]!.toLowerCase())?.has(word) ?? false;
}
