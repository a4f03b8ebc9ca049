import type { PageParts } from '../parts.ts';
import type { Pagefind } from './pagefind-types.ts';
import { searchEngine, type SearchEngine } from './search-engine.ts';
import { hasQuery, paramsFromState, searchNamed, type SearchState } from './search-state.ts';

// What a search finds in the archive's other languages. Pagefind keeps one index per language,
// with that language's word rules (its stemmer and word segmentation, built into the language's
// WebAssembly module), and a page searches one language: its own. A search page therefore asks
// each other language of the archive the same question through an engine of its own (the
// engine of search-engine.ts over that language's Pagefind and index parts), so a word is judged
// by its own language's rules, and says which languages have matches, with links to their
// search pages. No page code: the controller hands in how to load a language's Pagefind.

/** Another language of the archive, as the search page is told it (src/layouts/SearchLayout.astro). */
export interface OtherLanguage {
  /** Primary language subtag, e.g. "de". */
  lang: string;
  /** The language's name, in English like the rest of the page's own words ("German"). */
  name: string;
  /** Address of its search page, with the base path. */
  href: string;
  /** The index parts its search page loads (src/search/parts.ts). */
  parts: PageParts;
}

/** Matches of a search in another language. */
export interface LanguageMatches {
  lang: string;
  name: string;
  /** How many results that language's search page gives for the same words and filters. */
  count: number;
  /** That search on the language's own search page. */
  href: string;
}

/** The other languages' searches, for one page. */
export interface OtherLanguages {
  /** True when the archive has no other language: then nothing is ever loaded or asked. */
  readonly none: boolean;
  /**
   * The other languages where the state's words and filters find something, in the order given,
   * each with its count; none for a state of neither. A search of filters alone is asked too: each
   * language's filters are its own index's, and a value its index lacks finds nothing there
   * (Pagefind gives an unknown filter or value no records). A language whose index cannot be
   * loaded counts as having no matches (this page's own search is not held up by it).
   */
  matches(state: SearchState): Promise<LanguageMatches[]>;
}

/**
 * The other languages' searches over `languages`, each language's Pagefind loaded by `load` when
 * first needed (once), so a page whose reader never searches loads nothing more.
 */
export function otherLanguages(
  languages: OtherLanguage[],
  load: (language: OtherLanguage) => Promise<Pagefind>,
): OtherLanguages {
  const searchable = languages.filter((l) => l.parts.dirs.length > 0);
  const engines = new Map<string, Promise<SearchEngine>>();
  const engineOf = (language: OtherLanguage) => {
    let engine = engines.get(language.lang);
    if (!engine) engines.set(language.lang, (engine = load(language).then((p) => searchEngine(p, language.parts))));
    return engine;
  };
  /** How many results the state gives in one language (the count its own page shows). */
  async function count(language: OtherLanguage, state: SearchState): Promise<number> {
    try {
      const engine = await engineOf(language);
      // Without words, the filters alone: everywhere (scopeOf('') would be nowhere).
      const scope = state.q ? await engine.scopeOf(state.q) : null;
      return (await engine.resultsFor({ ...state, sort: 'relevance' }, scope))?.length ?? 0;
    } catch (err) {
      console.error(err);
      return 0;
    }
  }
  return {
    none: searchable.length === 0,
    async matches(state) {
      if (!hasQuery(state) || searchable.length === 0) return [];
      const counts = await Promise.all(searchable.map((l) => count(l, state)));
      const query = paramsFromState(state).toString();
      return searchable.flatMap((l, i) =>
        counts[i]! > 0 ? [{ lang: l.lang, name: l.name, count: counts[i]!, href: `${l.href}?${query}` }] : [],
      );
    },
  };
}

/**
 * The status line for a search with no results on this page but some in other languages, never
 * "No results": "0 results in English for “Sachsen”; 1 in German.", "0 results in French for
 * quoted: Dana Marks; 3 in English." (`here` is this page's language's name; the search is named
 * as the count of results names it, searchNamed).
 */
export function elsewhereText(
  here: string,
  q: string,
  matches: LanguageMatches[],
  filters: Partial<Record<string, string[]>> = {},
): string {
  const n = matches.reduce((sum, m) => sum + m.count, 0);
  const where = matches.length === 1 ? matches[0]!.name : 'other languages';
  return `0 results in ${here} for ${searchNamed(q, filters)}; ${n} in ${where}.`;
}
