import { articleQuotes, quotePeople, type BodyQuote } from '../render/article-quotes.ts';
import { renderArticleBody } from '../render/article-body.ts';
import { shownQuoteText } from '../text/quote-text.ts';
import type { QuoteCorrection } from '../text/quotes.ts';
import type { Archive, Article } from './collections.ts';
import { basePath } from './urls.ts';

// Who said what, as the pages show it: each public article's quotes (src/render/article-quotes.ts,
// from the body the page shows) and each person's quotes across the archive, newest first. A quote
// is listed under a person only when findQuotes gave it to them, which it does only for the
// article's own people: no person page shows a quote from an article not naming them.

/** A quote with the article it is from. */
export interface ArticleQuote {
  readonly article: Article;
  readonly quote: BodyQuote;
}

/**
 * The editor's corrections of an article's quotes (its front matter's `quotes` list), or none.
 * Read without relying on the field being in the schema yet.
 */
function quoteCorrections(article: Pick<Article, 'data'>): QuoteCorrection[] {
  return (article.data as { quotes?: QuoteCorrection[] }).quotes ?? [];
}

/**
 * The quotes of one public article, in reading order, with the names and roles of its people;
 * each quote's words as pages and data files show them (shownQuoteText: no comma of the reporting
 * sentence at their end). `html` is its rendered body when the caller has it already
 * (renderArticleBody), read otherwise. Asked again for the same archive, it gives the same array
 * without reading anything (see `given`).
 */
export async function quotesOfArticle(
  article: Article,
  archive: Archive,
  html?: string,
): Promise<readonly BodyQuote[]> {
  const known = given.get(archive)?.get(article.id);
  if (known) return known;
  const quotes = articleQuotes(html ?? (await renderArticleBody(article.filePath!, basePath)), {
    language: article.data.language,
    people: quotePeople(
      article.people,
      new Map(
        article.people.flatMap((m) => (archive.people.has(m.id) ? [[m.id, archive.people.get(m.id)!.data]] : [])),
      ),
    ),
    corrections: quoteCorrections(article),
  });
  const shown = quotes.map((q) => {
    const text = shownQuoteText(q.quote.text);
    return text === q.quote.text ? q : { ...q, quote: { ...q.quote, end: q.quote.start + text.length, text } };
  });
  let byId = given.get(archive);
  if (!byId) given.set(archive, (byId = new Map<string, readonly BodyQuote[]>()));
  byId.set(article.id, shown);
  return shown;
}

/**
 * The quotes quotesOfArticle gave, by archive and article id: an article's page asks for its
 * quotes with the body it rendered, and the gathering of the archive's quotes (archiveQuotes) then
 * takes them from here instead of reading and hashing every body again (at 10,000 articles that
 * second reading was where the build's memory peaked: docs/performance.md, "Quotes' cost at
 * 10,000 articles, measured against no quotes at all"). Exact for as long as the archive is: its
 * articles' bodies and people are those of one build (in dev, loadArchive gives a new archive
 * to every request).
 */
const given = new WeakMap<Archive, Map<string, readonly BodyQuote[]>>();

/** Every quote of the archive: by article id (reading order) and by person id (newest article first). */
export interface ArchiveQuotes {
  readonly byArticle: ReadonlyMap<string, readonly BodyQuote[]>;
  readonly byPerson: ReadonlyMap<string, readonly ArticleQuote[]>;
  /** Every quote, newest article first, each article's in reading order. */
  readonly all: readonly ArticleQuote[];
}

const found = new WeakMap<Archive, Promise<ArchiveQuotes>>();

/** The quotes of every public article of `archive`, found once per archive (see ArchiveQuotes). */
export function archiveQuotes(archive: Archive): Promise<ArchiveQuotes> {
  let result = found.get(archive);
  if (!result) found.set(archive, (result = collect(archive)));
  return result;
}

async function collect(archive: Archive): Promise<ArchiveQuotes> {
  const byArticle = new Map<string, readonly BodyQuote[]>();
  const byPerson = new Map<string, ArticleQuote[]>();
  const all: ArticleQuote[] = [];
  // archive.articles is newest first, so each person's list is too.
  for (const article of archive.articles) {
    const quotes = await quotesOfArticle(article, archive);
    byArticle.set(article.id, quotes);
    for (const quote of quotes) {
      all.push({ article, quote });
      if (quote.person === null) continue;
      const list = byPerson.get(quote.person) ?? [];
      list.push({ article, quote });
      byPerson.set(quote.person, list);
    }
  }
  return { byArticle, byPerson, all };
}

/** How many of a person's quotes their page shows; all are on their quotes pages. */
const QUOTES_SHOWN = 5;

/** The quotes a person's page shows of `quotes` (theirs, newest first): the first QUOTES_SHOWN. */
export function quotesShown<T>(quotes: readonly T[]): T[] {
  return quotes.slice(0, QUOTES_SHOWN);
}

/**
 * Whether a person with `quotes` (theirs) has quotes pages: only when their page cannot show them
 * all (more than QUOTES_SHOWN). Pages repeating what the person page shows were a sixth of the
 * quotes pages and linked from nowhere (docs/performance.md, "Quotes' cost, divided").
 */
export function hasQuotesPages(quotes: readonly unknown[]): boolean {
  return quotes.length > QUOTES_SHOWN;
}
