// Types for @citation-js/name, which ships none: a CSL name object in, out of its parser.
declare module '@citation-js/name' {
  /** A name in CSL-JSON's parts (https://docs.citationstyles.org/en/stable/specification.html#name-part-order). */
  export interface CslName {
    family?: string;
    given?: string;
    suffix?: string;
    'non-dropping-particle'?: string;
    'dropping-particle'?: string;
    literal?: string;
  }
  /** Parses a personal name as written ("Anne van der Berg", "Hale, Robert, Jr.") into CSL parts. */
  export function parse(name: string): CslName;
  /** Writes CSL parts back as one name; `reversed` puts the family name first. */
  export function format(name: CslName, reversed?: boolean): string;
}
