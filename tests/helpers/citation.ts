import type { ArticleData, Entry } from '../../src/content/check.ts';
import type { CitationFacts } from '../../src/site/citation.ts';

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
