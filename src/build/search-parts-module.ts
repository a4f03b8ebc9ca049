import { pagePartsOfPlan, type SearchPart } from '../search/parts.ts';

// The search index's plan, handed to the pages once: the integration plans the parts from the
// checked content (the plan the index is written by), and the search pages read what each of
// them loads from the virtual module `virtual:archive/search-parts` (declared in
// virtual-modules.d.ts), rather than planning again from their own copy of the content.

/** The module's name, as pages import it. */
const SEARCH_PARTS_MODULE = 'virtual:archive/search-parts';
const RESOLVED = `\0${SEARCH_PARTS_MODULE}`;

/**
 * A Vite plugin serving `virtual:archive/search-parts`, whose default export is the parts every
 * search page loads (SearchPagesParts, src/search/parts.ts) for the plan `plan()` gives. The plan
 * is asked for when a page first imports the module, and once.
 */
export function searchPartsModule(plan: () => SearchPart[]): {
  name: string;
  resolveId(id: string): string | undefined;
  load(id: string): string | undefined;
} {
  let code: string | undefined;
  return {
    name: 'archive-search-parts',
    resolveId(id) {
      return id === SEARCH_PARTS_MODULE ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      code ??= `export default ${JSON.stringify(pagePartsOfPlan(plan()))};`;
      return code;
    },
  };
}
