// "a" or "an" before an English noun, as the page's own words need it ("Find an author").

/**
 * The noun with its indefinite article: "an" before a vowel letter a, e, i or o, "a" otherwise
 * ("an author", "a person"). The rule goes by the sound, which the spelling does not always give
 * ("a user", "an hour"); the nouns this is for (the filters' names, src/search/contract.ts) begin
 * as they sound, and a word beginning with u or h takes "a" here.
 */
export function withIndefiniteArticle(noun: string): string {
  return `${/^[aeio]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
