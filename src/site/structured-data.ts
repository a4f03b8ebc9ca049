import type { NewsArticle, Organization, Person, WithContext } from 'schema-dts';
import type { CitationFacts } from './citation.ts';
import { isoDateTime, isoDay, type ArchiveDate } from '../content/dates.ts';
import { citedName, type Author } from '../content/names.ts';

// Machine-readable descriptions of an article page: schema.org NewsArticle (JSON-LD), and the
// meta tags reference managers read (Highwire citation_*, Dublin Core).

/**
 * schema.org NewsArticle for the archived copy, based on the original (https://schema.org/NewsArticle,
 * typed by schema-dts): the archive's page is `url` and `mainEntityOfPage`, the original is
 * `isBasedOn`; dates are ISO 8601 with the offset the article gives.
 */
export function newsArticleJsonLd(
  f: CitationFacts,
  extra: {
    description?: string | undefined;
    updated?: ArchiveDate | undefined;
    language: string;
    image?: string | undefined;
    sourceUrl: string;
  },
): WithContext<NewsArticle> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: f.title,
    ...(extra.description && { description: extra.description }),
    datePublished: isoDateTime(f.published),
    ...(extra.updated && { dateModified: isoDateTime(extra.updated) }),
    author: f.authors.map((a): Person | Organization =>
      a.organization ? { '@type': 'Organization', name: a.name } : { '@type': 'Person', name: a.name },
    ),
    publisher: { '@type': 'NewsMediaOrganization', name: f.newspaper, url: extra.sourceUrl },
    ...(extra.image && { image: extra.image }),
    inLanguage: extra.language,
    url: f.archiveUrl,
    mainEntityOfPage: f.archiveUrl,
    isBasedOn: f.url,
  };
}

/** JSON for a <script type="application/ld+json"> block, safe against "</script>" in the data. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Highwire and Dublin Core meta tags as [name, content] pairs. Authors are given as reference
 * managers cite them: a person's name without honorifics or degrees (src/content/names.ts).
 */
export function citationMeta(f: CitationFacts, language: string): [string, string][] {
  const ymd = isoDay(f.published);
  const name = (a: Author) => citedName(a, language);
  return [
    ['citation_title', f.title],
    ...f.authors.map((a) => ['citation_author', name(a)] as [string, string]),
    ['citation_publication_date', ymd.replace(/-/g, '/')],
    ['citation_date', ymd.replace(/-/g, '/')],
    ['citation_journal_title', f.newspaper],
    ['citation_public_url', f.url],
    ['citation_language', language],
    ['DC.type', 'newspaperArticle'],
    ['DC.title', f.title],
    ...f.authors.map((a) => ['DC.creator', name(a)] as [string, string]),
    ['DC.date', ymd],
    ['DC.publisher', f.newspaper],
    ['DC.source', f.url],
    ['DC.language', language],
  ];
}
