import { copiedCaptureName } from './captures.ts';
import { topicSlug } from '../content/topics.ts';
import { normalizeBase } from '../text/base-path.ts';
import { primaryLanguage } from './text-direction.ts';

// Every internal address, built in one place so the site works under a sub-path (Astro `base`).

/**
 * The site's base path, from Astro's resolved configuration (`base`, from ARCHIVE_BASE, `--base`
 * or the site address's path), in normalizeBase's form: "/" or "/archive/".
 */
export const basePath = normalizeBase(import.meta.env.BASE_URL);

/** An address inside the site, with the base path in front: path "people/" -> "/archive/people/". */
export function sitePath(path = ''): string {
  return basePath + path.replace(/^\//, '');
}

/** Page `page` of a list whose first page is at `path`: "people/x/" page 3 -> "people/x/page/3/". */
function pagePath(path: string, page: number): string {
  return sitePath(page > 1 ? `${path}page/${page}/` : path);
}

/** Addresses of each kind of page; a list's page 2 on is at its address's page/N/ (src/site/paging.ts). */
export const urls = {
  home: () => sitePath(),
  latest: (page: number) => sitePath(`page/${page}/`),
  article: (id: string) => sitePath(`articles/${id}/`),
  people: () => sitePath('people/'),
  person: (id: string, page = 1) => pagePath(`people/${id}/`, page),
  /** A person's quotes, newest first (page 2 on: page/N/). */
  personQuotes: (id: string, page = 1) => pagePath(`people/${id}/quotes/`, page),
  /** A paragraph of an article, by its anchor (src/render/rehype-paragraph-anchors.ts); the article when it has none. */
  paragraph: (id: string, anchor: string | null) =>
    sitePath(`articles/${id}/${anchor ? `#${encodeURIComponent(anchor)}` : ''}`),
  /** Every byline, A to Z. */
  authors: () => sitePath('authors/'),
  /** An author's articles: a person's on their page, any other byline's at /authors/<slug>/ (page 2 on: page/N/). */
  author: (a: { person?: string | undefined; slug: string }, page = 1) =>
    a.person ? sitePath(`people/${a.person}/#articles-by`) : pagePath(`authors/${a.slug}/`, page),
  topics: () => sitePath('topics/'),
  topic: (name: string, page = 1) => pagePath(`topics/${topicSlug(name)}/`, page),
  sources: () => sitePath('sources/'),
  source: (id: string, page = 1) => pagePath(`sources/${id}/`, page),
  dates: () => sitePath('dates/'),
  year: (year: string) => sitePath(`dates/${year}/`),
  month: (year: string, month: string) => sitePath(`dates/${year}/${month}/`),
  /** A quarter's articles, `quarter` from 1 to 4: /dates/2019/q1/. */
  quarter: (year: string, quarter: number) => sitePath(`dates/${year}/q${quarter}/`),
  search: (params?: Record<string, string>) => sitePath(`search/${params ? `?${new URLSearchParams(params)}` : ''}`),
  /**
   * The search page of a language, by its tag ("fr", "fr-CA", "pt-BR": one page per primary
   * language, as Pagefind keeps one index per language): /search/ for English, /search/<lang>/
   * for any other (src/pages/search/[lang].astro).
   */
  searchPage: (lang: string) => {
    const primary = primaryLanguage(lang);
    return primary === 'en' ? sitePath('search/') : sitePath(`search/${primary}/`);
  },
  /**
   * The filter values a language's search page fetches after its first results (beside the page:
   * src/pages/search/filter-values.json.ts and [lang]/filter-values.json.ts).
   */
  searchFilterValues: (lang: string) => {
    const primary = primaryLanguage(lang);
    return primary === 'en' ? sitePath('search/filter-values.json') : sitePath(`search/${primary}/filter-values.json`);
  },
  /** A capture's exact bytes, copied as text (src/site/captures.ts). */
  capture: (file: string) => sitePath(`captures/${copiedCaptureName(file)}`),
  /** A capture's page: its text, legible and inert on any host, with its hash and a download. */
  capturePage: (file: string) => sitePath(`capture/${file}/`),
  feed: () => sitePath('rss.xml'),
  /** One version of an article, by its version id (src/content/version-entries.ts). */
  version: (id: string, version: string) => sitePath(`articles/${id}/versions/${version}/`),
  /** A version compared with the one before it. */
  versionChanges: (id: string, version: string) => sitePath(`articles/${id}/versions/${version}/changes/`),
  /** Articles by their latest change, and its feed. */
  changes: () => sitePath('changes/'),
  changesFeed: () => sitePath('changes.xml'),
  /** A data file (src/site/data-files.ts): "articles.csv", "people/<id>.jsonl". */
  dataFile: (file: string) => sitePath(`data/${file}`),
};
