import type { Hint } from './search-engine.ts';

// What a reader can try when a search finds nothing, and what the search box understands, below
// the status line (the #search-hints element of src/layouts/SearchLayout.astro). Page code only:
// the hints come from the engine (search-engine.ts, hintsFor), the words from query.ts. The
// controller loads this module only when a search needs it, and empties the element itself.

/** How figures are found, in a sentence. */
const FIGURE_HELP = 'Figures are found as printed: $1.8 billion, 3.5%, 9/11.';
/** What the box understands, in one line. */
const BOX_HELP = `Put a phrase in quotes to find its words together, as in “harbour master”. ${FIGURE_HELP}`;

/** "2 results", "1 result". */
function results(n: number): string {
  return `${n} result${n === 1 ? '' : 's'}`;
}

/** The same search with fewer of its filters ticked: what the link says, where it goes, what it finds. */
export interface Widening {
  label: string;
  href: string;
  count: number;
}

/** What the controller does to the hints. */
export interface HintsView {
  /**
   * Shows what to try after a search: `hints` (see Hint) and, for words, the help line when it found nothing,
   * and, whenever words were typed with a minus, that they were left out (`excluded`, the words
   * without the minus; `searched`, the words searched instead). When the filters left nothing,
   * `widenings` are the searches without some of them that find something. `phrase`: the words
   * were typed as one phrase in quotes, so the help line does not advise quoting them.
   */
  show(
    found: number,
    hints: Hint[],
    excluded: string[],
    searched: string,
    widenings?: Widening[],
    phrase?: boolean,
  ): void;
}

/** The hints view over its element; `address` gives the link to a search for other words. */
export function hintsView(region: HTMLElement, address: (q: string) => string): HintsView {
  const line = (...parts: (string | Node)[]) => {
    const p = document.createElement('p');
    p.append(...parts);
    region.append(p);
  };
  /** Links to the hints' searches, each with its count, separated by commas. */
  const links = (hints: Hint[]) =>
    hints.flatMap((h, i) => {
      const a = document.createElement('a');
      a.href = address(h.q);
      a.textContent = h.q;
      return [...(i > 0 ? [', '] : []), a, ` (${results(h.count)})`];
    });
  return {
    show(found, hints, excluded, searched, widenings = [], phrase = false) {
      region.replaceChildren();
      if (excluded.length > 0) {
        const left = excluded.map((w) => `“${w}”`).join(' and ');
        line(
          searched
            ? `Leaving words out is not supported: the search is for “${searched}” only, so results may contain ${left}.`
            : `Leaving words out is not supported: ${left} ${excluded.length > 1 ? 'were' : 'was'} not searched for.`,
        );
      }
      if (found === 0) {
        const of = (kind: Hint['kind']) => hints.filter((h) => h.kind === kind);
        if (of('spelling').length > 0) line('The archive spells it: ', ...links(of('spelling')), '.');
        if (of('unquoted').length > 0) line('The words anywhere, not together: ', ...links(of('unquoted')), '.');
        if (of('fewer').length > 0) line('Fewer words: ', ...links(of('fewer')), '.');
        if (widenings.length > 0)
          line(
            'Fewer filters: ',
            ...widenings.flatMap((w, i) => {
              const a = document.createElement('a');
              a.href = w.href;
              a.textContent = w.label;
              return [...(i > 0 ? [', '] : []), a, ` (${results(w.count)})`];
            }),
            '.',
          );
        // About words typed: a search of filters alone has none; words already in quotes were
        // searched as a phrase, so only the figures' half applies.
        if (searched || excluded.length > 0) line(phrase ? FIGURE_HELP : BOX_HELP);
      }
    },
  };
}
