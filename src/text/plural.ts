// Counts in running text: "1 article", "2 articles", with the number formatted for English
// readers ("12,500 articles"). The plural rule is the language's own (Intl.PluralRules).

const rules = new Intl.PluralRules('en');
const numbers = new Intl.NumberFormat('en-GB');

/** "1 article", "0 articles", "12,500 articles"; `many` defaults to `one` + "s". */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${numbers.format(n)} ${forCount(n, one, many)}`;
}

/** `one` or `many`, as the count `n` asks ("this" for 1, "these" for 0 or 2), by countOf's rule. */
export function forCount(n: number, one: string, many: string): string {
  return rules.select(n) === 'one' ? one : many;
}
