import type { ArticleData, Entry } from '../../src/content/check.ts';
import { apa, bibtex, chicago, cslJson, mla, plain, type CitationFacts } from '../../src/site/citation.ts';

// The citation facts of a checked case article, as the case tests cite it: the newspaper and the
// archive's name and address are the cases' own, fixed here once.

/** Citation facts of a checked article; `a` must be public (with a URL and a date). */
export function caseCitationFacts(a: Entry<ArticleData>): CitationFacts {
  return {
    title: a.data.title,
    authors: a.data.authors,
    newspaper: 'Daily Planet',
    url: a.data.url!,
    published: a.data.published!,
    captured: a.data.captured,
    archiveUrl: `https://archive.example.org/articles/${a.id}/`,
    archiveName: 'News Archive',
  };
}

/**
 * Every style's author element for one byline `name` of the facts `facts`, in a text of
 * `language`: APA, MLA and Chicago up to the date or title, BibTeX's author field, CSL-JSON's
 * author list (the name tests compare these with strings written by hand).
 */
export function authorInEveryStyle(facts: CitationFacts, name: string, language?: string) {
  const f: CitationFacts = { ...facts, authors: [{ name, organization: false }], language };
  return {
    apa: plain(apa(f)).split(' (2024')[0],
    mla: plain(mla(f)).split(' “')[0],
    chicago: plain(chicago(f)).split(' “')[0],
    bibtex: /author = \{(.*)\},\n/.exec(bibtex(f, 'test/article'))?.[1],
    csl: (JSON.parse(cslJson(f, 'x')) as { author: unknown[] }[])[0]!.author,
  };
}
