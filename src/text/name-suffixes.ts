// Generational suffixes written after a personal name ("Martin Luther King Jr.", "John Smith
// III"): part of the name, kept in a byline as printed and cited as the name's CSL `suffix`
// (after the given names in an inverted name: "King, Martin Luther, Jr."; BibTeX's "Jr" part:
// "King, Jr., Martin Luther"). Roman numerals from II: a lone "V" or "I" is an initial.

/** Generational suffixes, lower-case, without their dot: Jr, Sr, Jnr, Snr (British), II–IV, 2nd, 3rd. */
const NAME_SUFFIXES: readonly string[] = ['jr', 'sr', 'jnr', 'snr', 'ii', 'iii', 'iv', '2nd', '3rd'];

const SUFFIX_SET = new Set(NAME_SUFFIXES);

/** True for a word that is a generational suffix, with or without its dot or a comma after it ("Jr.", "III", "Sr,"). */
export function isNameSuffix(word: string): boolean {
  return SUFFIX_SET.has(word.toLowerCase().replace(/[.,]+$/, ''));
}
