import { normaliseDate } from './dates.ts';

// Facts about an article from everything a news page offers, best source first: JSON-LD
// (NewsArticle/Article), OpenGraph, Highwire citation_* tags, Dublin Core, <time>, the byline.
// Nothing is guessed: a fact the page does not state stays empty, and the report says so.

/** A fact and where in the page it was found. */
export interface Found<T> {
  value: T;
  from: string;
}

/** Everything the page states about the article. */
export interface PageMetadata {
  title?: Found<string> | undefined;
  dek?: Found<string> | undefined;
  authors?: Found<string[]> | undefined;
  published?: Found<string> | undefined;
  modified?: Found<string> | undefined;
  siteName?: Found<string> | undefined;
  url?: Found<string> | undefined;
  language?: Found<string> | undefined;
  image?: Found<{ url: string; alt?: string; caption?: string; credit?: string }> | undefined;
  keywords?: Found<string[]> | undefined;
}

type Json = Record<string, unknown>;

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BlogPosting|Report|ScholarlyArticle|BackgroundNewsArticle|LiveBlogPosting)$/;

/** Every object in the page's JSON-LD blocks (flattening arrays and @graph). */
function jsonLdObjects(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      if ('@graph' in v) visit((v as Json)['@graph']);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is skipped; the other sources still apply.
    }
  }
  return out;
}

/** The first JSON-LD object whose @type is an article type. */
function jsonLdArticle(doc: Document): Json | undefined {
  return jsonLdObjects(doc).find((o) =>
    [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t)),
  );
}

/** Names from a JSON-LD person/organization value (string, object or list). */
function names(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (v && typeof v === 'object' && typeof (v as Json).name === 'string') return [(v as Json).name as string];
  return [];
}

/** A plain string from a JSON-LD value that may be a string or an object with url/@id. */
function str(v: unknown, key = 'url'): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return str(v[0], key);
  if (v && typeof v === 'object') return str((v as Json)[key] ?? (v as Json)['@id'], key);
  return undefined;
}

/** Content of every meta tag with this name or property. */
function metas(doc: Document, key: string): string[] {
  const want = key.toLowerCase();
  return [...doc.querySelectorAll('meta')]
    .filter(
      (m) =>
        (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase() ===
        want,
    )
    .map((m) => (m.getAttribute('content') ?? '').trim())
    .filter(Boolean);
}

/** The first candidate with a value. */
function first<T>(...candidates: [T | undefined | null, string][]): Found<T> | undefined {
  for (const [value, from] of candidates) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    return { value, from };
  }
  return undefined;
}

/** "Doe, Jane" (citation style) as "Jane Doe"; anything else unchanged. */
function personName(name: string): string {
  const m = /^([^,]+),\s*([^,]+)$/.exec(name.trim());
  return m ? `${m[2]} ${m[1]}` : name.trim();
}

/** Author names, cleaned: no URLs, no "By", no job titles after "|", no duplicates. */
function cleanAuthors(list: string[]): string[] {
  const out = list
    .map((a) => a.split(/\s[|–—]\s|\s-\s/)[0] ?? '')
    .flatMap((a) => a.replace(/^\s*(?:by|par|por|von)\s+/i, '').split(/\s*(?:,|\band\b|\bet\b|&)\s*(?=\p{Lu})/u))
    .map((a) => a.replace(/\s+/g, ' ').trim())
    .filter((a) => a && !/^https?:\/\//.test(a) && a.length < 80);
  return [...new Set(out)];
}

/** Splits keyword strings ("a, b; c") into a list. */
function keywordList(list: string[]): string[] {
  return [
    ...new Set(
      list
        .flatMap((k) => k.split(/[,;]/))
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ];
}

/** The byline printed on the page: rel=author links, else a short "By ..." line in a byline element (dates left out). */
function pageByline(doc: Document): string[] {
  const authors = [...doc.querySelectorAll('a[rel="author"], [itemprop="author"] [itemprop="name"]')].map(
    (a) => a.textContent?.trim() ?? '',
  );
  if (authors.some(Boolean)) return authors;
  for (const el of doc.querySelectorAll('[class*="byline" i], [class*="author" i], [class~="by"], [id*="byline" i]')) {
    const copy = el.cloneNode(true) as Element;
    for (const t of copy.querySelectorAll('time')) t.remove();
    const text = (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (/^(?:by|par|por|von)\s+\p{Lu}/iu.test(text) && text.length < 160) return [text];
  }
  return [];
}

/** A canonical URL without tracking parameters or fragment; undefined when not http(s). */
export function canonicalUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    if (!/^https?:$/.test(url.protocol)) return undefined;
    url.hash = '';
    for (const key of [...url.searchParams.keys()])
      if (/^(utm_|fbclid|gclid|mc_|ref$|cmpid)/i.test(key)) url.searchParams.delete(key);
    return url.href;
  } catch {
    return undefined;
  }
}

/** og:locale "en_US" as a language tag "en-US". */
function locale(v: string | undefined): string | undefined {
  return v?.replace('_', '-');
}

/** The first date the page gives under one of these sources, normalised. */
function date(candidates: [string | undefined, string][]): Found<string> | undefined {
  return first(...candidates.map(([v, from]) => [normaliseDate(v), from] as [string | null, string]));
}

/** Reads every fact the page states. `byline` and `headline` are the extractor's, used last. */
export function readMetadata(doc: Document, byline?: string | null, headline?: string | null): PageMetadata {
  const ld = jsonLdArticle(doc) ?? {};
  const m = (k: string) => metas(doc, k)[0];
  const time = doc.querySelector(
    'time[itemprop="datePublished"], article time[datetime], time[pubdate], time[datetime]',
  );
  const ldImage = [ld.image].flat()[0] as Json | string | undefined;
  const imageUrl = first<string>(
    [str(ldImage), 'JSON-LD image'],
    [m('og:image'), 'og:image'],
    [m('twitter:image'), 'twitter:image'],
  );
  return {
    title: first(
      [ld.headline as string, 'JSON-LD headline'],
      [m('og:title'), 'og:title'],
      [m('citation_title'), 'citation_title'],
      [m('dc.title') ?? m('dcterms.title'), 'Dublin Core title'],
      [doc.querySelector('h1')?.textContent?.trim(), '<h1>'],
      [headline?.trim(), '<title> without the site name'],
      [doc.title?.trim(), '<title>'],
    ),
    dek: first(
      [ld.description as string, 'JSON-LD description'],
      [m('og:description'), 'og:description'],
      [m('description'), 'meta description'],
      [m('dc.description') ?? m('dcterms.description'), 'Dublin Core description'],
    ),
    authors: first(
      [cleanAuthors(names(ld.author)), 'JSON-LD author'],
      [cleanAuthors(metas(doc, 'article:author')), 'article:author'],
      [cleanAuthors(metas(doc, 'citation_author').map(personName)), 'citation_author'],
      [cleanAuthors([...metas(doc, 'dc.creator'), ...metas(doc, 'dcterms.creator')]), 'Dublin Core creator'],
      [cleanAuthors([m('author') ?? '']), 'meta author'],
      [cleanAuthors(pageByline(doc)), 'byline on the page'],
      [cleanAuthors([byline ?? '']), 'byline'],
    ),
    published: date([
      [ld.datePublished as string, 'JSON-LD datePublished'],
      [m('article:published_time'), 'article:published_time'],
      [m('citation_publication_date') ?? m('citation_date'), 'citation_publication_date'],
      [m('dc.date') ?? m('dcterms.date') ?? m('dcterms.issued'), 'Dublin Core date'],
      [time?.getAttribute('datetime') ?? undefined, '<time datetime>'],
    ]),
    modified: date([
      [ld.dateModified as string, 'JSON-LD dateModified'],
      [m('article:modified_time'), 'article:modified_time'],
      [m('dcterms.modified'), 'Dublin Core modified'],
    ]),
    siteName: first(
      [names(ld.publisher)[0], 'JSON-LD publisher'],
      [m('og:site_name'), 'og:site_name'],
      [m('citation_journal_title') ?? m('citation_publisher'), 'citation_journal_title'],
      [m('dc.publisher') ?? m('dcterms.publisher'), 'Dublin Core publisher'],
    ),
    url: first(
      [canonicalUrl(str(ld.mainEntityOfPage) ?? str(ld.url)), 'JSON-LD url'],
      [
        canonicalUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined),
        'link rel=canonical',
      ],
      [canonicalUrl(m('og:url')), 'og:url'],
      [canonicalUrl(m('citation_public_url') ?? m('citation_abstract_html_url')), 'citation_public_url'],
      [canonicalUrl(m('dc.identifier') ?? m('dcterms.identifier')), 'Dublin Core identifier'],
    ),
    language: first(
      [ld.inLanguage as string, 'JSON-LD inLanguage'],
      [doc.documentElement?.getAttribute('lang') ?? undefined, '<html lang>'],
      [locale(m('og:locale')), 'og:locale'],
      [m('citation_language') ?? m('dc.language'), 'citation_language'],
    ),
    image: imageUrl && {
      value: {
        url: imageUrl.value,
        ...(m('og:image:alt') && { alt: m('og:image:alt') }),
        ...(typeof ldImage === 'object' && typeof ldImage?.caption === 'string' && { caption: ldImage.caption }),
      },
      from: imageUrl.from,
    },
    keywords: first(
      [keywordList([ld.keywords].flat().filter((k): k is string => typeof k === 'string')), 'JSON-LD keywords'],
      [keywordList(metas(doc, 'article:tag')), 'article:tag'],
      [keywordList([...metas(doc, 'news_keywords'), ...metas(doc, 'keywords')]), 'meta keywords'],
      [keywordList(metas(doc, 'citation_keywords')), 'citation_keywords'],
    ),
  };
}
