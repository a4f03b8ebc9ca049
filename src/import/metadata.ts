import type { Article, NewsArticle, Organization } from 'schema-dts';
import { isoDateFromPage } from './dates.ts';
import { captionCredit, ROLE_TAIL } from './clean/rules.ts';
import { parseJsonLd } from './json-ld.ts';
import { cleanAuthors, siteNameOf } from './names.ts';
import { chooseArticleAddress, sectionAddresses, type AddressCandidate } from './article-address.ts';
import { addressKey, canonicalUrl } from '../content/addresses.ts';
import { lowerLettersAndDigits } from '../text/fold.ts';
import { startsAsByline } from '../text/byline-words.ts';
import { NAME_PARTICLES } from '../text/name-particles.ts';
import { wordAlternation } from '../text/word-pattern.ts';
import { singleSpaced } from '../text/white-space.ts';

/** The address rule is the checker's too (src/content/addresses.ts). */
export { addressKey, canonicalUrl } from '../content/addresses.ts';

// Facts about an article from everything a news page offers, best source first: JSON-LD
// (NewsArticle/Article), OpenGraph, Highwire citation_* tags, Dublin Core, <time>, the byline.
// Nothing is guessed: a fact the page does not state stays empty, and the report says so.

/** Head lines that may carry the story's date (the rules in src/import/clean/rules.ts that cut them). */
const DATE_LINE_RULES = new Set(['date-line', 'publication-line', 'byline-line', 'meta-line']);

/**
 * A label before a printed date: "Published:", "Updated", "Posted on", "Last modified", and their
 * French, German, Spanish, Italian, Dutch and Portuguese equivalents. Group 1 is the label.
 */
const DATE_LABEL =
  /^(published|updated|posted|last (?:modified|updated)|publié|mis à jour|veröffentlicht|aktualisiert|publicado|actualizado|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt)\b\s*:?\s*(?:on\s+|le\s+|am\s+|el\s+)?/iu;

/** Time-zone abbreviations and a clock time that may follow a printed date ("10:15 PM EDT"). */
const TRAILING_TIME = /[\s,]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\.?)?(?:\s+[A-Z]{2,5})?\s*$/i;

/**
 * Reads a numeric date "06/01/98", "13.06.1998": returns YYYY-MM-DD when the day and month
 * cannot be mixed up (one number above 12, or both the same), "ambiguous" when they can, and
 * null for anything else. A two-digit year is taken in the century that puts it in the past.
 */
function numericDate(text: string): string | 'ambiguous' | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year > new Date().getUTCFullYear() % 100 ? 1900 : 2000;
  if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) return null;
  if (a !== b && a <= 12 && b <= 12) return 'ambiguous';
  const [month, day] = a > 12 ? [b, a] : [a, b];
  return isoDateFromPage(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}

/**
 * The date a head line prints, and whether it is an update: the line's parts (split at "|",
 * "·", "—") are read with their label ("Published:", "Updated") and a clock time after the date
 * taken off. `ambiguous` holds a numeric date whose day and month order cannot be told.
 */
function headLineDate(line: string): { value?: string; updated?: boolean; ambiguous?: string } {
  let ambiguous: string | undefined;
  for (const raw of line.split(/\s*[|·•—–]\s*/)) {
    const label = DATE_LABEL.exec(raw.trim());
    const part = raw.trim().slice(label?.[0].length ?? 0);
    const updated =
      !!label &&
      /updated|modified|mis à jour|aktualisiert|actualizado|atualizado|aggiornato|bijgewerkt/i.test(label[1]!);
    for (const text of [part, part.replace(TRAILING_TIME, '')]) {
      const value = isoDateFromPage(text) ?? numericDate(text);
      if (value === 'ambiguous') ambiguous ??= raw.trim();
      else if (value) return { value, updated };
    }
  }
  return ambiguous ? { ambiguous } : {};
}

/**
 * Adds the byline and date the story prints in its head above the first paragraph (lines the
 * body cleaning took out: `removed` entries marked `head`, see cleanTree), where the page's tags
 * and the extractor said nothing: old pages print them only there ("By Bob Smith, Gazette staff
 * writer", "March 14, 2000", "Published: June 1, 1998", "By John Smith | June 1, 1998"). A date
 * labelled "Updated" fills the modified date. Returns notes for the report: a date line that
 * was seen but could not be read ("06/01/98", whose day and month order the page does not
 * tell), so the date left empty is not a silent loss.
 */
export function addHeadLineFacts(meta: PageMetadata, removed: { rule: string; text: string; head?: true }[]): string[] {
  const head = removed.filter((r) => r.head);
  const byline = head.find((r) => r.rule === 'byline-line');
  if (!meta.authors && byline) {
    const authors = cleanAuthors([byline.text.replace(ROLE_TAIL, '')], { outlet: meta.siteName?.value });
    if (authors.length) meta.authors = { value: authors, from: 'byline printed above the first paragraph' };
  }
  const notes: string[] = [];
  if (meta.published) return notes;
  const unread: string[] = [];
  for (const r of head) {
    if (!DATE_LINE_RULES.has(r.rule)) continue;
    const { value, updated, ambiguous } = headLineDate(r.text);
    if (value && updated) meta.modified ??= { value, from: 'update date printed above the first paragraph' };
    else if (value) {
      meta.published = { value, from: 'date printed above the first paragraph' };
      return notes;
    } else if (ambiguous) unread.push(ambiguous);
  }
  if (unread.length)
    notes.push(
      `a date is printed above the first paragraph (“${unread[0]}”) but not read: its day and month could be either way round; give the date with --published`,
    );
  return notes;
}

/** A fact and where in the page it was found. */
interface Found<T> {
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
  image?: Found<LeadImage> | undefined;
  keywords?: Found<string[]> | undefined;
  /** The article's text as the JSON-LD gives it (`articleBody`), for a second opinion on extraction. */
  articleBody?: Found<string> | undefined;
  /** What the JSON-LD says about access: free or not, and CSS selectors of the locked parts. */
  access?: Found<{ free: boolean; lockedSelectors: string[] }> | undefined;
  /** Parts of the page's metadata that could not be read, for the import report. */
  problems?: string[] | undefined;
  /** What the report should say about how a fact was chosen (an address not used, and why). */
  notes?: string[] | undefined;
}

type Json = Record<string, unknown>;

/** Every schema.org NewsArticle type; the compiler checks the list against schema-dts, both ways. */
const NEWS_ARTICLE_TYPES = [
  'NewsArticle',
  'AnalysisNewsArticle',
  'AskPublicNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNewsArticle',
  'ReviewNewsArticle',
] as const satisfies NewsArticle['@type'][];
// Compiles only while the list names every NewsArticle type schema-dts knows.
true satisfies [Exclude<NewsArticle['@type'], (typeof NEWS_ARTICLE_TYPES)[number]>] extends [never] ? true : false;

/** The schema.org types of a news page's article object: news articles and the Article types news sites use. */
const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  ...NEWS_ARTICLE_TYPES,
  ...(['Article', 'BlogPosting', 'LiveBlogPosting', 'Report', 'ScholarlyArticle'] satisfies Article['@type'][]),
]);

/** The schema.org types of the site's publisher, checked against schema-dts the same way. */
const ORGANIZATION_TYPES: ReadonlySet<string> = new Set(['NewsMediaOrganization', 'Organization'] satisfies Exclude<
  Organization,
  string
>['@type'][]);

/** Every object in the page's JSON-LD blocks (flattening arrays and @graph), read leniently. */
function jsonLdObjects(doc: Document, problems: string[]): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      if ('@graph' in v) visit((v as Json)['@graph']);
    }
  };
  for (const [i, s] of [...doc.querySelectorAll('script[type="application/ld+json" i]')].entries()) {
    const block = parseJsonLd(s.textContent ?? '');
    block.values.forEach(visit);
    for (const error of block.errors) problems.push(`JSON-LD block ${i + 1} could not be read (${error})`);
  }
  return out;
}

/**
 * The JSON-LD object describing the article: of the objects whose @type is an article type, the
 * one whose address agrees with the canonical link or og:url, else whose headline is the
 * og:title or the <h1>, else the first. (A page may carry another story's object: a story an
 * infinite-scroll loader added, a related article.)
 */
function jsonLdArticle(objects: Json[], doc: Document, m: (k: string) => string | undefined): Json | undefined {
  const articles = objects.filter((o) =>
    [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.has(t)),
  );
  if (articles.length < 2) return articles[0];
  const pageAddresses = [doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined, m('og:url')]
    .map((u) => addressKey(u))
    .filter(Boolean);
  const byAddress = articles.find((o) =>
    [str(o.mainEntityOfPage), str(o.url)].some((u) => u && pageAddresses.includes(addressKey(u))),
  );
  const titles = [m('og:title'), doc.querySelector('h1')?.textContent ?? undefined]
    .filter((t): t is string => !!t)
    .map(lowerLettersAndDigits);
  const byTitle = articles.find(
    (o) => typeof o.headline === 'string' && titles.includes(lowerLettersAndDigits(o.headline)),
  );
  return byAddress ?? byTitle ?? articles[0];
}

/** Names of the publishing organization in JSON-LD objects that describe the site, not the article. */
function jsonLdOrganization(objects: Json[]): string | undefined {
  const org = objects.find((o) => [o['@type']].flat().some((t) => typeof t === 'string' && ORGANIZATION_TYPES.has(t)));
  const site = objects.find((o) => [o['@type']].flat().includes('WebSite'));
  return [org?.name, site?.name].find((n): n is string => typeof n === 'string' && n.trim() !== '');
}

/**
 * Decodes character references left in a value ("Q&amp;A", "O&#039;Neill"): JSON-LD is not HTML,
 * so the parser does not decode them, yet many sites write them there (and double-encode meta
 * tags). Decoded by the page's own HTML parser.
 */
function decoder(doc: Document): (text: string) => string {
  return (text) => {
    if (!/&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]{1,31});/i.test(text)) return text;
    const el = doc.createElement('div');
    el.innerHTML = text.replace(/</g, '&lt;');
    return el.textContent ?? text;
  };
}

/** Applies a function to every string in a JSON value. */
function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
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

/** True when an element sits in page furniture (teaser tiles, menus, footers), not the article's header. */
function inFurniture(el: Element): boolean {
  return !!el.closest('aside, nav, footer, [role="complementary"], [role="navigation"], li');
}

/** How far an element is from the headline: the number of the h1's ancestors to climb before one contains it. */
function distanceFromHeadline(h1: Element | null, el: Element): number {
  let depth = 0;
  for (let a: Element | null = h1; a; a = a.parentElement, depth++) if (a.contains(el)) return depth;
  return Number.MAX_SAFE_INTEGER;
}

/** A byline element's text with dates left out and its lines separated by " | ". */
function bylineText(el: Element): string {
  const copy = el.cloneNode(true) as Element;
  for (const t of copy.querySelectorAll('time')) t.remove();
  for (const b of copy.querySelectorAll('p, div, br, li')) b.before(' | ');
  return (copy.textContent ?? '')
    .replace(/\s+/g, ' ')
    .replace(/(?:\s*\|)+\s*/g, ' | ')
    .replace(/^(?:\s*\|)+\s*/, '')
    .replace(/(?:\s*\|)+\s*$/, '')
    .trim();
}

/** Two to four capitalised words (name particles between them allowed) and nothing else: a name as a byline element prints it. */
const NAME_ONLY = new RegExp(
  `^\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}.'’-]*|${wordAlternation(NAME_PARTICLES)})){1,3}$`,
  'u',
);

/**
 * The byline printed on the page: rel=author links, microdata author names, and byline elements
 * reading "By ..." (or holding only a name). Names in teaser tiles, menus and footers are other
 * articles' authors and are not read; of the rest, those nearest the headline (<h1>) win, since
 * a page often carries other bylines further away (related stories, promo rails).
 */
function pageByline(doc: Document): string[] {
  const h1 = doc.querySelector('h1');
  const found: { distance: number; order: number; names: string[] }[] = [];
  let order = 0;
  for (const el of doc.querySelectorAll('a[rel="author"], [itemprop="author"] [itemprop="name"]')) {
    const name = singleSpaced(el.textContent ?? '');
    if (name && !inFurniture(el)) found.push({ distance: distanceFromHeadline(h1, el), order: order++, names: [name] });
  }
  for (const el of doc.querySelectorAll('[class*="byline" i], [class*="author" i], [class~="by"], [id*="byline" i]')) {
    if (inFurniture(el)) continue;
    const text = bylineText(el);
    if (text.length >= 160) continue;
    const by = startsAsByline(text);
    if (by || (/byline/i.test(`${el.getAttribute('class')} ${el.id}`) && NAME_ONLY.test(text)))
      found.push({ distance: distanceFromHeadline(h1, el), order: order++, names: [text] });
  }
  if (found.length === 0) return [];
  const nearest = Math.min(...found.map((f) => f.distance));
  return found.filter((f) => f.distance === nearest).flatMap((f) => f.names);
}

/** og:locale "en_US" as a language tag "en-US". */
function locale(v: string | undefined): string | undefined {
  return v?.replace('_', '-');
}

/** The first date the page gives under one of these sources, normalised. */
function date(candidates: [string | undefined, string][]): Found<string> | undefined {
  return first(...candidates.map(([v, from]) => [isoDateFromPage(v), from] as [string | null, string]));
}

/**
 * The <h1>'s text when it is the headline: when the page has no <title>, when the <title>
 * contains it, or when it is the page's only <h1>, of four words or more and not a link (a
 * site's logo is usually a linked <h1>). Otherwise the <title> (without the site name, as the
 * extractor reads it) is the better headline.
 */
function headlineH1(doc: Document, h1: Element | null, pageTitle: string): string | undefined {
  const text = singleSpaced(h1?.textContent ?? '');
  if (!h1 || !text) return undefined;
  if (!pageTitle || lowerLettersAndDigits(pageTitle).includes(lowerLettersAndDigits(text))) return text;
  const alone = doc.querySelectorAll('h1').length === 1 && text.split(' ').length >= 4;
  return alone && !h1.closest('a') && !h1.querySelector('a') ? text : undefined;
}

/**
 * The part of a <title> ("Headline - Site", "Headline -- Site", "Site: Headline") that the page
 * prints as a headline: the whole text of a heading or of bold or large type (`<b>`, `<strong>`,
 * `<font>`, `<big>`), as pages laid out before CSS print it. Undefined when no part is printed so.
 */
function printedTitlePart(doc: Document, pageTitle: string): string | undefined {
  const parts = pageTitle.split(/\s+(?:[|–—-]{1,2}|::?)\s+|:\s+/);
  if (parts.length < 2) return undefined;
  const printed = new Set(
    [...doc.querySelectorAll('h1, h2, h3, b, strong, font, big')].map((el) =>
      lowerLettersAndDigits(el.textContent ?? ''),
    ),
  );
  return parts.find((p) => p.split(/\s+/).length >= 3 && printed.has(lowerLettersAndDigits(p)));
}

/**
 * Whether the page prints its description as a standfirst (a subheading beside the headline:
 * a heading, or an element sharing the headline's container or header) rather than as the first
 * paragraph of the story (the lede, which CMSs copy into the description). Undefined when the
 * page does not print it at all.
 */
export function dekIsStandfirst(doc: Document, dek: string): boolean | undefined {
  const want = lowerLettersAndDigits(dek);
  if (!want) return undefined;
  const h1 = doc.querySelector('h1');
  for (const el of doc.querySelectorAll('p, h2, h3, h4, div, span')) {
    if (lowerLettersAndDigits(el.textContent ?? '') !== want || el.querySelector('p, h2, h3, h4, div')) continue;
    if (/^H[2-4]$/.test(el.tagName)) return true;
    return !!h1 && (!!el.parentElement?.contains(h1) || !!el.closest('header')?.contains(h1));
  }
  return undefined;
}

/**
 * The headline the page prints, when a metadata title differs from it only by a site suffix
 * ("Headline | Daily Planet", "Headline - Section - Site") or by being cut short ("Headline…",
 * as JSON-LD headlines are cut at 110 characters): the <h1> then gives the headline whole.
 */
function confirmedByH1(title: string, h1: string | undefined): string {
  if (!h1 || h1 === title || h1.split(' ').length < 3) return title;
  const rest = title.startsWith(h1) ? title.slice(h1.length) : undefined;
  if (rest !== undefined && /^\s+[|–—·-]\s+\S/.test(rest) && rest.split(/\s+/).length <= 10) return h1;
  const cut = /^(.{20,}?)\s*(?:…|\.\.\.)$/.exec(title)?.[1];
  if (cut && h1.startsWith(cut)) return h1;
  return title;
}

/** The site name a <title> ends with ("Headline | Daily Planet" -> "Daily Planet"), when it ends with one. */
function titleSuffix(title: string | undefined, headline: string | undefined): string | undefined {
  if (!title || !headline) return undefined;
  const m = /^(.+?)\s+[|–—-]\s+([^|–—]{2,60})$/.exec(title.trim());
  return m && m[1]!.trim() === headline.trim() ? m[2]!.trim() : undefined;
}

/** The publisher named in a copyright line ("© 2023 Daily Planet. All rights reserved."). */
function copyrightHolder(doc: Document): string | undefined {
  for (const el of doc.querySelectorAll('footer, [role="contentinfo"], small, p')) {
    const m =
      /(?:©|\([cC]\)|\b[Cc]opyright\b|\bCOPYRIGHT\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?)?\s*(\p{Lu}[\p{L}\p{N}.&' -]{1,50}?)(?:[.,]|\s+[Aa]ll [Rr]ights|$)/u.exec(
        singleSpaced(el.textContent ?? ''),
      );
    if (m && (el.textContent ?? '').length < 300) return m[1]!.trim();
  }
  return undefined;
}

/**
 * The publication date printed near the headline, for pages without a machine-readable one:
 * the element nearest the <h1> whose class, id or itemprop names a date ("date", "time",
 * "published", "dateline") and whose text is a date, after words such as "Published" or
 * "Publié le". An element marked as an update ("updated", "modified") is not read.
 */
function printedDate(doc: Document, h1: Element | null): string | undefined {
  let best: { distance: number; value: string } | undefined;
  for (const el of doc.querySelectorAll(
    '[class*="date" i], [class*="time" i], [class*="publish" i], [class*="dateline" i], [id*="date" i], [itemprop*="date" i], time',
  )) {
    const marker = `${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('itemprop') ?? ''}`;
    if (/updat|modif/i.test(marker) || inFurniture(el)) continue;
    const text = (el.textContent ?? '')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(
        /^(?:published|posted|publié|publicado|pubblicato|veröffentlicht|gepubliceerd|first published)(?:\s+(?:on|le|el|em|il|am|op))?\s*:?\s*/i,
        '',
      );
    if (
      !text ||
      text.length > 80 ||
      /^(?:last )?(?:updated|modified|aktualisiert|mis à jour|actualizado|aggiornato|atualizado|bijgewerkt)\b/i.test(
        text,
      )
    )
      continue;
    const value = isoDateFromPage(text);
    if (!value) continue;
    const distance = distanceFromHeadline(h1, el);
    if (!best || distance < best.distance) best = { distance, value };
  }
  return best?.value;
}

/** Meta tag names that carry the publication date on real pages, with the label the report shows. */
const DATE_METAS: [string, string][] = [
  ['article:published_time', 'article:published_time'],
  ['og:article:published_time', 'article:published_time'],
  ['citation_publication_date', 'citation_publication_date'],
  ['citation_date', 'citation_publication_date'],
  ['dc.date.issued', 'Dublin Core date'],
  ['dcterms.issued', 'Dublin Core date'],
  ['dc.date', 'Dublin Core date'],
  ['dcterms.date', 'Dublin Core date'],
  ['dc.date.created', 'Dublin Core date'],
  ['dcterms.created', 'Dublin Core date'],
  ['datepublished', 'microdata datePublished'],
  ['date', 'meta date'],
  ['pubdate', 'meta pubdate'],
  ['publishdate', 'meta publishdate'],
  ['publish-date', 'meta publish-date'],
  ['publish_date', 'meta publish_date'],
  ['article.published', 'meta article.published'],
  ['article_date_original', 'meta article_date_original'],
  ['original-publish-date', 'meta original-publish-date'],
  ['parsely-pub-date', 'Parse.ly pub-date'],
  ['sailthru.date', 'Sailthru date'],
];

/**
 * Reads every fact the page states, from JSON-LD (read leniently; character references decoded),
 * meta tags, microdata and the page itself. Run it before extraction (Readability changes the
 * document); the extractor's byline and headline are added with addExtractorFacts.
 */
export function readMetadata(doc: Document): PageMetadata {
  const problems: string[] = [];
  const decode = decoder(doc);
  const objects = jsonLdObjects(doc, problems).map((o) => mapStrings(o, decode) as Json);
  const all = (k: string) => metas(doc, k).map(decode);
  const m = (k: string) => all(k)[0];
  const ld = jsonLdArticle(objects, doc, m) ?? {};
  const candidates = addressCandidates(doc, ld, m);
  const address = chooseArticleAddress(candidates, sectionAddresses(doc, objects, candidates[0]?.url));
  const h1 = doc.querySelector('h1');
  const time =
    doc.querySelector('time[itemprop="datePublished" i], [itemprop="datePublished" i][datetime]') ??
    (h1?.closest('article') ?? doc).querySelector('time[pubdate], article time[datetime], header time[datetime]') ??
    doc.querySelector('time[datetime]');
  const ldImage = [ld.image].flat()[0] as Json | string | undefined;
  const imageUrl = first<string>(
    [str(ldImage) ?? str(ldImage, 'contentUrl'), 'JSON-LD image'],
    [m('og:image'), 'og:image'],
    [m('twitter:image'), 'twitter:image'],
  );
  const pageTitle = decode(doc.title?.trim() ?? '');
  const title = first(
    [ld.headline as string, 'JSON-LD headline'],
    [m('og:title'), 'og:title'],
    [m('citation_title'), 'citation_title'],
    [m('dc.title') ?? m('dcterms.title'), 'Dublin Core title'],
    [headlineH1(doc, h1, pageTitle), '<h1>'],
    [printedTitlePart(doc, pageTitle), '<title>, as the page prints it'],
    [pageTitle, '<title>'],
  );
  const siteName = first(
    [siteNameOf(names(ld.publisher)[0]), 'JSON-LD publisher'],
    [siteNameOf(m('og:site_name')), 'og:site_name'],
    [siteNameOf(jsonLdOrganization(objects)), 'JSON-LD organization'],
    [siteNameOf(m('application-name')), 'application-name'],
    [m('citation_journal_title') ?? m('citation_publisher'), 'citation_journal_title'],
    [m('dc.publisher') ?? m('dcterms.publisher'), 'Dublin Core publisher'],
    [titleSuffix(pageTitle, title?.value), '<title> suffix'],
    [copyrightHolder(doc), 'copyright line'],
  );
  if (title && siteName) {
    const cut = titleSuffix(title.value, title.value.replace(/\s+[|–—-]\s+[^|–—]+$/, ''));
    if (cut && cut.toLowerCase() === siteName.value.toLowerCase())
      title.value = title.value.slice(0, -cut.length).replace(/\s+[|–—-]\s+$/, '');
  }
  if (title) title.value = confirmedByH1(title.value, singleSpaced(h1?.textContent ?? ''));
  const outlet = siteName?.value;
  const ldAccess = [
    ld.isAccessibleForFree,
    ...[ld.hasPart].flat().map((p) => (p as Json | undefined)?.isAccessibleForFree),
  ];
  const paid = ldAccess.some((v) => v === false || v === 'False' || v === 'false');
  const lockedSelectors = [ld.hasPart]
    .flat()
    .map((p) => (p as Json | undefined)?.cssSelector)
    .flat()
    .filter((c): c is string => typeof c === 'string');
  return {
    title,
    dek: first(
      [ld.description as string, 'JSON-LD description'],
      [m('og:description'), 'og:description'],
      [m('description'), 'meta description'],
      [m('dc.description') ?? m('dcterms.description'), 'Dublin Core description'],
    ),
    authors: first(
      [cleanAuthors(names(ld.author), { outlet }), 'JSON-LD author'],
      [cleanAuthors(all('article:author'), { outlet }), 'article:author'],
      [cleanAuthors(all('citation_author'), { citation: true, outlet }), 'citation_author'],
      [cleanAuthors([...all('dc.creator'), ...all('dcterms.creator')], { outlet }), 'Dublin Core creator'],
      [cleanAuthors(pageByline(doc), { outlet }), 'byline on the page'],
      [cleanAuthors([m('author') ?? ''], { outlet }), 'meta author'],
    ),
    published: date([
      [ld.datePublished as string, 'JSON-LD datePublished'],
      ...DATE_METAS.map(([k, label]) => [m(k), label] as [string | undefined, string]),
      [objects.map((o) => o.datePublished).find((d): d is string => typeof d === 'string'), 'JSON-LD datePublished'],
      [time?.getAttribute('datetime') ?? undefined, '<time datetime>'],
      [printedDate(doc, h1), 'date printed near the headline'],
    ]),
    modified: date([
      [ld.dateModified as string, 'JSON-LD dateModified'],
      [m('article:modified_time'), 'article:modified_time'],
      [m('dcterms.modified'), 'Dublin Core modified'],
    ]),
    siteName,
    url: address.chosen && { value: address.chosen.url, from: address.chosen.from },
    language: first(
      [ld.inLanguage as string, 'JSON-LD inLanguage'],
      [doc.documentElement?.getAttribute('lang') ?? undefined, '<html lang>'],
      [locale(m('og:locale')), 'og:locale'],
      [m('citation_language') ?? m('dc.language'), 'citation_language'],
    ),
    image: leadImage(imageUrl, ldImage, m('og:image:alt') ?? m('twitter:image:alt'), leadFigure(doc, h1)),
    keywords: first(
      [keywordList([ld.keywords].flat().filter((k): k is string => typeof k === 'string')), 'JSON-LD keywords'],
      [keywordList(all('article:tag')), 'article:tag'],
      [keywordList([...all('news_keywords'), ...all('keywords')]), 'meta keywords'],
      [keywordList(all('citation_keywords')), 'citation_keywords'],
    ),
    articleBody: first([typeof ld.articleBody === 'string' ? ld.articleBody.trim() : undefined, 'JSON-LD articleBody']),
    access:
      paid || ld.isAccessibleForFree !== undefined
        ? { value: { free: !paid, lockedSelectors }, from: 'JSON-LD isAccessibleForFree' }
        : undefined,
    problems: problems.length ? problems : undefined,
    notes: address.notes.length ? address.notes : undefined,
  };
}

/** What the page says about its lead image: address, alt text, caption, credit. */
interface LeadImage {
  url: string;
  alt?: string;
  caption?: string;
  credit?: string;
}

/**
 * The lead image from what the page states, best first for each fact: the address from JSON-LD,
 * og:image or twitter:image, else the lead figure's image; alt text from og:image:alt (or
 * twitter:image:alt), else the figure's <img alt>; caption from the JSON-LD ImageObject's
 * `caption`, else the figure's <figcaption>; credit from the ImageObject's `creditText`,
 * `copyrightHolder` or `author`, else the credit in the figcaption. Undefined when the page names
 * no image.
 */
function leadImage(
  url: Found<string> | undefined,
  ld: Json | string | undefined,
  metaAlt: string | undefined,
  figure: Partial<LeadImage> | undefined,
): Found<LeadImage> | undefined {
  const address = url ?? (figure?.url ? { value: figure.url, from: 'lead <figure>' } : undefined);
  if (!address) return undefined;
  const object = ld && typeof ld === 'object' ? ld : undefined;
  const text = (v: unknown) => (typeof v === 'string' && singleSpaced(v)) || undefined;
  const credit =
    text(object?.creditText) ??
    text(names(object?.copyrightHolder)[0]) ??
    text(names(object?.author)[0]) ??
    figure?.credit;
  const caption = text(object?.caption) ?? figure?.caption;
  const alt = text(metaAlt) ?? figure?.alt;
  return {
    value: { url: address.value, ...(alt && { alt }), ...(caption && { caption }), ...(credit && { credit }) },
    from: address.from,
  };
}

/** Class names and item properties of the part of a caption that credits the photographer or agency. */
const CREDIT_PART = /credit|copyright|byline|photographer|attribution|(?:^|[-_ ])source(?:$|[-_ ])|(?:^|[-_ ])author/i;

/** A credit written at the end of a caption: "Photograph: James Orr/Coastal Courier", "Foto: dpa", "© Reuters". */
const TRAILING_CREDIT =
  /\s*[([]?((?:photograph|photo|picture|pic|image|illustration|credit|foto|bild|photographie|fotografía|crédit|crédito)s?(?:\s+by)?\s*[:：]\s*[^:]+?|©\s*[^©]+?)[)\]]?\s*$/i;

/**
 * The page's lead figure: the first <figure> with an image after the headline (within the
 * headline's <article>, else the page) that comes before the first paragraph of prose (25 words
 * or more, outside a <header>). Its image address, alt text, caption and the credit inside the
 * caption, marked by class or item property (CREDIT_PART) or written at its end (TRAILING_CREDIT).
 */
function leadFigure(doc: Document, h1: Element | null): Partial<LeadImage> | undefined {
  const scope = h1?.closest('article') ?? doc.body ?? doc.documentElement;
  if (!scope) return undefined;
  // Document order by position among the scope's elements (linkedom's compareDocumentPosition
  // cannot be relied on).
  const order = new Map([...scope.querySelectorAll('*')].map((e, i) => [e, i]));
  const at = (e: Element) => order.get(e) ?? -1;
  const after = (a: Element, b: Element) => at(b) > at(a); // b follows a
  const prose = [...scope.querySelectorAll('p')].find(
    (p) =>
      (!h1 || after(h1, p)) && !p.closest('header, figure') && (p.textContent ?? '').trim().split(/\s+/).length >= 25,
  );
  const figure = [...scope.querySelectorAll('figure')].find(
    (f) => (!h1 || after(h1, f)) && (!prose || after(f, prose)) && f.querySelector('img, amp-img'),
  );
  if (!figure) return undefined;
  const img = figure.querySelector('img, amp-img')!;
  const src = [
    img.getAttribute('src'),
    img.getAttribute('data-src'),
    img.getAttribute('srcset')?.trim().split(/\s+/)[0],
  ]
    .map((u) => u?.trim())
    .find((u) => u && !/^data:/i.test(u));
  let url: string | undefined;
  try {
    url = src ? new URL(src, doc.querySelector('base[href]')?.getAttribute('href') ?? undefined).href : undefined;
  } catch {
    url = undefined;
  }
  const clean = (t: string | null | undefined) => singleSpaced(t ?? '') || undefined;
  const figcaption = figure.querySelector('figcaption');
  let caption: string | undefined;
  let credit: string | undefined;
  if (figcaption) {
    const copy = figcaption.cloneNode(true) as Element;
    const parts = [...copy.querySelectorAll('*')].filter((e) =>
      CREDIT_PART.test(`${e.getAttribute('class') ?? ''} ${e.getAttribute('itemprop') ?? ''}`),
    );
    credit = clean(parts.map((e) => e.textContent).join(' '));
    for (const e of parts) e.remove();
    caption = clean(copy.textContent);
    if (!credit && caption) {
      const m = TRAILING_CREDIT.exec(caption);
      if (m && m.index > 0) {
        credit = clean(m[1]);
        // "… — Foto: Ana Souza": the dash before the credit goes with it.
        caption = clean(caption.slice(0, m.index).replace(/\s+[—–-]$/, ''));
      } else {
        // Glued to the caption ("…all'alba.Foto Ansa") or after a dash ("… — Foto: Ana Souza"),
        // told apart as the body's captions are.
        const split = captionCredit(caption);
        if (split?.caption) ({ caption, credit } = split);
      }
    }
  }
  const alt = clean(img.getAttribute('alt'));
  return { ...(url && { url }), ...(alt && { alt }), ...(caption && { caption }), ...(credit && { credit }) };
}

/**
 * The addresses a page gives for itself, the canonical link first (see chooseArticleAddress),
 * each made canonical (canonicalUrl); root-relative ones resolve against the canonical link.
 */
function addressCandidates(doc: Document, ld: Json, m: (k: string) => string | undefined): AddressCandidate[] {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const base = canonicalUrl(canonical) ?? canonicalUrl(m('og:url'));
  const raw: [string | undefined, string][] = [
    [canonical, 'link rel=canonical'],
    [m('og:url'), 'og:url'],
    [str(ld.mainEntityOfPage), 'JSON-LD mainEntityOfPage'],
    [str(ld.url), 'JSON-LD url'],
    [m('citation_public_url') ?? m('citation_abstract_html_url'), 'citation_public_url'],
    [m('dc.identifier') ?? m('dcterms.identifier'), 'Dublin Core identifier'],
  ];
  // Only an absolute or root-relative value is an address ("True" in mainEntityOfPage is not).
  return raw.flatMap(([v, from]) => {
    const url = canonicalUrl(v, /^\s*\/(?!\/)/.test(v ?? '') ? base : undefined);
    return url ? [{ url, from }] : [];
  });
}

/**
 * Adds what only the extractor knows, where the page's own tags said nothing: Readability's
 * byline as authors, and its headline (the <title> without the site name) over the bare <title>.
 */
export function addExtractorFacts(meta: PageMetadata, byline: string | null, headline: string | null): void {
  if (!meta.authors) {
    const authors = cleanAuthors([byline ?? ''], { outlet: meta.siteName?.value });
    if (authors.length) meta.authors = { value: authors, from: 'byline' };
  }
  if ((!meta.title || meta.title.from === '<title>') && headline?.trim())
    meta.title = { value: headline.trim(), from: '<title> without the site name' };
}
