import { CaptureError } from './capture.ts';
import { parseJsonLd } from './json-ld.ts';
import { isSectionPage } from './article-address.ts';
import { isDateLine, isoDateFromPage } from './dates.ts';
import { addressKey, canonicalUrl } from './metadata.ts';
import { lowerLettersAndDigits } from '../text/fold.ts';
import { startsAsByline } from '../text/byline-words.ts';
import { singleSpaced } from '../text/white-space.ts';

// A saved page can hold more than one story: sites with "infinite scroll" load the next story
// under the first one as the reader scrolls, and a page saved then holds both, each with its own
// headline, byline and often its own address (a `data-url` the loader uses to rewrite the address
// bar, a `<link rel=canonical>` or JSON-LD object of its own). Extracted as one, the second story
// would be published under the first one's headline, address and date. Here the page's stories
// are found, and only the one the page's metadata names (its canonical URL, og:url or JSON-LD url;
// its og:title, JSON-LD headline or <title>) is kept; when the metadata names none of them, or
// two that disagree, the import stops and says so.

/** Raised for a page holding several stories when its metadata does not say which one it is. */
class SeveralArticlesError extends CaptureError {}

/** Attributes infinite-scroll loaders and share widgets put on a story's container to give its address. */
const ADDRESS_ATTRIBUTES = [
  'data-url',
  'data-article-url',
  'data-canonical',
  'data-canonical-url',
  'data-permalink',
  'data-share-url',
  'data-page-url',
  'data-href',
];

/** The least prose (characters in <p>, outside nested stories) a story holds; teaser cards hold less. */
const MIN_STORY_PROSE = 300;

/** Containers whose headings belong to the site or to other stories' teasers, never to a story on the page. */
const FURNITURE = 'nav, footer, aside, [role="navigation"], [role="complementary"], [role="contentinfo"]';

/** A comment section or one comment, by its class or id. */
const COMMENTS = '[class*="comment" i], [id*="comment" i]';

/** Text with spaces collapsed. */
const text = (el: Element | null | undefined) => singleSpaced(el?.textContent ?? '');

/** One story found on the page: its headline element and the nodes that hold it. */
interface Story {
  headline: Element;
  title: string;
  /** The story's own nodes: one container, or a run of siblings in a flat layout. */
  nodes: Element[];
  /** Addresses the story gives itself (data attributes, its own canonical link, its headline's link). */
  addresses: Set<string>;
  /** The story prints its own byline and its own date. */
  signed: boolean;
  /** A JSON-LD article object on the page has the story's headline. */
  described: boolean;
  /** Every address the story's own links point to (a permalink, a share link), for --url. */
  links: Set<string>;
  /** Known only by the byline under its <h2>: no address or JSON-LD object of its own. */
  signedOnly?: boolean;
}

/** The schema.org types of article objects in JSON-LD that describe a story. */
const ARTICLE_TYPE = /^(?:\w*NewsArticle|Article|BlogPosting|Report|ScholarlyArticle)$/;

/** Every JSON-LD article object on the page (head and body, arrays and @graph): headline and address key. */
function jsonLdArticles(doc: Document, base: string | undefined): { headline: string; url?: string }[] {
  const out: { headline: string; url?: string }[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ('@graph' in o) visit(o['@graph']);
    if (o.itemListElement) visit([o.itemListElement].flat().map((e) => (e as Record<string, unknown>)?.item ?? e));
    const types = [o['@type']].flat();
    if (typeof o.headline !== 'string' || !types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return;
    const raw =
      typeof o.url === 'string' ? o.url : typeof o.mainEntityOfPage === 'string' ? o.mainEntityOfPage : undefined;
    const url = addressKey(canonicalUrl(raw, base));
    out.push({ headline: o.headline, ...(url && { url }) });
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json" i]'))
    parseJsonLd(s.textContent ?? '').values.forEach(visit);
  return out;
}

/** The selector of marked-up bylines. */
const BYLINE = '[class*="byline" i], [rel="author"], [itemprop="author"], [class*="author" i]';

/** True for an element that is a byline: marked up as one, or a short "By …" line. */
const isByline = (el: Element) =>
  el.matches(BYLINE) ||
  (/^(?:P|DIV|SPAN|ADDRESS)$/.test(el.tagName) && text(el).length < 120 && startsAsByline(text(el)));

/**
 * True when a byline (or, with `orDate`, a date) is printed right under the headline: in one of
 * the three elements that follow it (or follow the <header>/<hgroup> it is the only heading of),
 * before any paragraph of prose. Each such element is judged with what it holds only when it is
 * short (a byline box with a name and a date), so a comment's author under a "Comments" heading
 * is not one. Dates count only for <h1>s: a live blog's <h2> entries each print a time.
 */
function bylinedHead(h: Element, orDate = false): boolean {
  let start: Element = h;
  const parent = h.parentElement;
  if (parent && /^(?:HEADER|HGROUP)$/.test(parent.tagName) && parent.querySelectorAll('h1, h2').length === 1)
    start = parent;
  let seen = 0;
  for (let n = start.nextElementSibling; n && seen < 3; n = n.nextElementSibling) {
    if (/^(?:SCRIPT|STYLE|META|LINK|TEMPLATE)$/.test(n.tagName) || !text(n)) continue;
    seen++;
    // Readers' comments name their authors too.
    if (n.matches(COMMENTS)) return false;
    if (isByline(n)) return true;
    // Inside a short box, only a byline by its markup or its "By": "author" classes name commenters.
    const strict = (el: Element) =>
      el.matches('[class*="byline" i], [rel="author"], [itemprop="author"]') ||
      (/^(?:P|DIV|SPAN|ADDRESS)$/.test(el.tagName) && text(el).length < 120 && startsAsByline(text(el)));
    if (text(n).length < 160 && [...n.querySelectorAll('*')].some(strict)) return true;
    if (orDate && text(n).length < 160 && [n, ...n.querySelectorAll('*')].some(isDate)) return true;
    if (n.tagName === 'P' && text(n).length >= 160) return false;
    if (/^H[1-6]$/.test(n.tagName)) return false;
  }
  return false;
}

/** The least prose a story known only by the date under its <h2> holds: a few paragraphs, not a dated note. */
const MIN_DATED_STORY_PROSE = 600;

/**
 * True when a calendar date (a line that is only a date with its day or month, not a time alone)
 * is printed right under an <h2>, in one of the two elements that follow it, before any prose:
 * wire stories set one after another print their date there. A live blog's entries print times;
 * its pages are left out before this is asked.
 */
function datedHead(h: Element): boolean {
  let seen = 0;
  for (let n = h.nextElementSibling; n && seen < 2; n = n.nextElementSibling) {
    if (/^(?:SCRIPT|STYLE|META|LINK|TEMPLATE)$/.test(n.tagName) || !text(n)) continue;
    seen++;
    if (n.matches(COMMENTS) || /^H[1-6]$/.test(n.tagName)) return false;
    if (text(n).length < 80 && [n, ...n.querySelectorAll('*')].some((el) => isDateLine(text(el)))) return true;
  }
  return false;
}

/** True for an element that is a printed date: a <time>, a date by its markup, or a line that is only a date. */
const isDate = (el: Element) =>
  el.matches('time, [itemprop="datePublished"], [class*="date" i], [class*="published" i]') ||
  (text(el).length < 80 && isDateLine(text(el)));

/** True when the nodes (outside `skip`) hold a byline (marked up, or a "By …" line) and a date. */
function signedAndDated(nodes: Element[], skip: Element[]): boolean {
  const mine = (el: Element) => !skip.some((s) => s.contains(el));
  const all = nodes.flatMap((n) => [n, ...n.querySelectorAll('*')]).filter(mine);
  const byline = all.some(isByline);
  const date = all.some((el) =>
    el.matches('time, [itemprop="datePublished"], [class*="date" i], [class*="dateline" i], [class*="published" i]'),
  );
  return byline && date;
}

/** The addresses an element (and the story container's ancestors) give through ADDRESS_ATTRIBUTES and its own tags. */
function addressesOf(nodes: Element[], base: string | undefined): Set<string> {
  const out = new Set<string>();
  const add = (raw: string | null | undefined) => {
    const key = addressKey(canonicalUrl(raw ?? undefined, base));
    if (key) out.add(key);
  };
  for (const node of nodes) {
    for (const a of ADDRESS_ATTRIBUTES) add(node.getAttribute(a));
    const inside = [
      ...node.querySelectorAll(ADDRESS_ATTRIBUTES.map((a) => `[${a}]`).join(', ')),
      ...node.querySelectorAll(
        'link[rel="canonical"], meta[property="og:url"], [itemprop="url"], [itemprop="mainEntityOfPage"]',
      ),
    ];
    for (const el of inside) {
      for (const a of ADDRESS_ATTRIBUTES) add(el.getAttribute(a));
      add(el.getAttribute('href') ?? el.getAttribute('content') ?? el.getAttribute('itemid'));
    }
  }
  return out;
}

/** Characters of text in the <p> elements of these nodes, leaving out what lies inside `skip`. */
function proseIn(nodes: Element[], skip: Element[]): number {
  let chars = 0;
  for (const node of nodes)
    for (const p of node.tagName === 'P' ? [node] : node.querySelectorAll('p'))
      if (!skip.some((s) => s !== node && s.contains(p) && !s.contains(node))) chars += text(p).length;
  return chars;
}

/** Class names and ids of live blogs' containers ("live-blog", "liveblog", "live-updates", "live-coverage"). */
const LIVE_CLASS = /\blive[-_]?(?:blog|updates?|coverage|feed|ticker|news)\b|\bliveblog|\bticker\b|\bliveticker/i;

/**
 * True for a live blog (JSON-LD or microdata LiveBlogPosting, or a container class named for
 * one): its entries are parts of one article.
 */
function isLiveBlog(doc: Document): boolean {
  if (doc.querySelector('[itemtype*="LiveBlogPosting" i]')) return true;
  for (const el of doc.querySelectorAll('[class], [id]'))
    if (LIVE_CLASS.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`)) return true;
  return [...doc.querySelectorAll('script[type="application/ld+json" i]')].some((s) =>
    /"(?:LiveBlogPosting|liveBlogUpdate)"/.test(s.textContent ?? ''),
  );
}

/**
 * Headline elements of stories: every <h1> outside the site's furniture that is not only a link
 * home (a logo), every <h2> with a byline printed under it, and the first <h1>/<h2> of each
 * container with an address attribute (a story an infinite-scroll loader added); in a live
 * blog, whose entries carry permalinks and bylines, only the <h1>s.
 */
function headlineElements(doc: Document): Element[] {
  const found = new Set<Element>();
  for (const h of doc.querySelectorAll('h1')) {
    if (h.closest(FURNITURE) || !text(h)) continue;
    const link = h.querySelector('a[href]');
    if (link && text(link) === text(h) && /^(?:\/|https?:\/\/[^/]+\/?)$/.test(link.getAttribute('href')!.trim()))
      continue;
    found.add(h);
  }
  const live = isLiveBlog(doc);
  // A story set in a <div> or <section> whose headline is an <h2>: known by its own byline
  // printed under it (a long read's sections and a sidebar box have none).
  if (!live)
    for (const h of doc.querySelectorAll('h2'))
      if (!h.closest(FURNITURE) && !h.closest(COMMENTS) && text(h) && (bylinedHead(h) || datedHead(h))) found.add(h);
  const containers = live ? [] : doc.querySelectorAll(ADDRESS_ATTRIBUTES.map((a) => `[${a}]`).join(', '));
  for (const c of containers) {
    if (c.closest(FURNITURE)) continue;
    const h = c.querySelector('h1, h2');
    if (h && text(h) && !h.closest(FURNITURE)) found.add(h);
  }
  // Document order.
  return [...doc.querySelectorAll('h1, h2')].filter((h) => found.has(h));
}

/**
 * The stories on a page: for each headline, the largest container holding it and no other
 * headline; when that container is the headline alone (a flat layout), the run of its siblings up
 * to the next story. Only stories with MIN_STORY_PROSE characters of prose count.
 */
function findStories(doc: Document, base: string | undefined): Story[] {
  const heads = headlineElements(doc);
  if (heads.length < 2) return [];
  const items = jsonLdArticles(doc, base);
  const containers = heads.map((h) => {
    let c: Element = h;
    while (
      c.parentElement &&
      c.parentElement !== doc.body &&
      !heads.some((o) => o !== h && c.parentElement!.contains(o))
    )
      c = c.parentElement;
    return c;
  });
  const stories: Story[] = [];
  heads.forEach((h, i) => {
    const c = containers[i]!;
    let nodes = [c];
    if (proseIn([c], []) < MIN_STORY_PROSE) {
      nodes = [];
      for (let n: Element | null = c; n; n = n.nextElementSibling) {
        if (n !== c && containers.some((o) => o === n || n.contains(o))) break;
        nodes.push(n);
      }
    }
    const nested = containers.filter((o, j) => j !== i && nodes.some((n) => n.contains(o)));
    if (proseIn(nodes, nested) < MIN_STORY_PROSE) return;
    const linked = h.querySelector('a[href]')?.getAttribute('href');
    const ancestors: Element[] = [];
    for (let a = c.parentElement; a && a !== doc.body; a = a.parentElement)
      if (ADDRESS_ATTRIBUTES.some((attr) => a.hasAttribute(attr))) ancestors.push(a);
    const addresses = addressesOf(nodes, base);
    // Ancestors' own attributes only (not everything inside them).
    for (const a of ancestors)
      for (const attr of ADDRESS_ATTRIBUTES) {
        const key = addressKey(canonicalUrl(a.getAttribute(attr) ?? undefined, base));
        if (key) addresses.add(key);
      }
    if (linked) {
      const key = addressKey(canonicalUrl(linked, base));
      if (key) addresses.add(key);
    }
    // A JSON-LD article object with this headline gives the story its address.
    const described = items.find((item) => lowerLettersAndDigits(item.headline) === lowerLettersAndDigits(text(h)));
    if (described?.url) addresses.add(described.url);
    const links = new Set<string>();
    for (const n of nodes)
      for (const a of [...(n.matches('a[href]') ? [n] : []), ...n.querySelectorAll('a[href]')]) {
        if (nested.some((o) => o.contains(a))) continue;
        const key = addressKey(canonicalUrl(a.getAttribute('href') ?? undefined, base));
        if (key) links.add(key);
      }
    stories.push({
      headline: h,
      title: text(h),
      nodes,
      addresses,
      links,
      signed:
        signedAndDated(nodes, nested) ||
        bylinedHead(h, h.tagName === 'H1') ||
        // An unsigned wire story under an <h2>: its own date, and prose enough to be a story.
        (h.tagName === 'H2' && datedHead(h) && proseIn(nodes, nested) >= MIN_DATED_STORY_PROSE),
      described: !!described,
    });
  });
  // A story stands on its own when it has an address no other story has, or its own byline and
  // date: the sections of one long article (a book chapter, a Medium post) have headings but
  // neither, and a live blog's entries are not stories of their own.
  const addressed = (s: Story) => [...s.addresses].some((a) => stories.every((o) => o === s || !o.addresses.has(a)));
  // Beside a story a loader added (one with its own address), the page's own story may give no
  // address of its own: its <h1> is enough.
  const loaded = stories.some(addressed);
  // The page's JSON-LD describing two or more of its stories as articles is evidence enough.
  const listed = stories.filter((s) => s.described).length >= 2;
  const own = stories.filter(
    (s) => s.signed || addressed(s) || (listed && s.described) || (loaded && s.headline.tagName === 'H1'),
  );
  for (const s of own) if (s.headline.tagName === 'H2' && !addressed(s) && !s.described) s.signedOnly = true;
  // The same headline twice (a story's headline repeated in a sticky bar) is one story.
  const titles = new Set(own.map((s) => lowerLettersAndDigits(s.title)));
  return titles.size < 2 ? [] : own;
}

/** What the page's head says about the article it is: addresses and titles, each with its source. */
function pageNames(doc: Document): {
  addresses: [string, string][];
  titles: [string, string][];
  /** Addresses in the head that are the site's root or a section page, as the report says them. */
  sectionPages: string[];
  base?: string;
} {
  const addresses: [string, string][] = [];
  const titles: [string, string][] = [];
  const sectionPages: string[] = [];
  const head = doc.head ?? doc;
  const canonical = head.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined;
  const og = head.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? undefined;
  const base = canonicalUrl(canonical) ?? canonicalUrl(og);
  const add = (raw: string | undefined, from: string) => {
    const key = addressKey(canonicalUrl(raw, base));
    // A section's index page names no story (see isSectionPage).
    if (key && new URL(key).pathname.length > 1 && !isSectionPage(key)) addresses.push([key, from]);
    else if (key)
      sectionPages.push(`${from} ${key} is ${isSectionPage(key) ? 'a section page' : "the site's home page"}`);
  };
  add(canonical, 'canonical URL');
  add(og, 'og:url');
  const ogTitle = head.querySelector('meta[property="og:title"], meta[name="og:title"]')?.getAttribute('content');
  if (ogTitle) titles.push([ogTitle, 'og:title']);
  const twTitle = head.querySelector('meta[name="twitter:title"]')?.getAttribute('content');
  if (twTitle) titles.push([twTitle, 'twitter:title']);
  // JSON-LD in the head only (a story loaded into the page brings its own block into the body),
  // and only when it describes one article: a list of several names none in particular.
  const described: [string, string | undefined][] = [];
  for (const s of head.querySelectorAll('script[type="application/ld+json" i]'))
    for (const v of parseJsonLd(s.textContent ?? '').values)
      for (const o of [v, ...((v as { '@graph'?: unknown[] })?.['@graph'] ?? [])].flat()) {
        if (!o || typeof o !== 'object') continue;
        const obj = o as Record<string, unknown>;
        if (typeof obj.headline !== 'string') continue;
        const url = obj.mainEntityOfPage ?? obj.url;
        const raw =
          typeof url === 'string'
            ? url
            : ((url as Record<string, unknown> | undefined)?.['@id'] ??
              (url as Record<string, unknown> | undefined)?.url);
        described.push([obj.headline, typeof raw === 'string' ? raw : undefined]);
      }
  if (new Set(described.map(([h]) => lowerLettersAndDigits(h))).size === 1)
    for (const [headline, raw] of described) {
      titles.push([headline, 'JSON-LD headline']);
      add(raw, 'JSON-LD url');
    }
  const title = doc.title?.trim();
  if (title) titles.push([title, '<title>']);
  return { addresses, titles, sectionPages, ...(base && { base }) };
}

/** True when a metadata title names this headline: the same words, or the <title> holding them. */
function titleNames(title: string, from: string, headline: string): boolean {
  const t = lowerLettersAndDigits(title);
  const h = lowerLettersAndDigits(headline);
  if (!t || !h) return false;
  return t === h || (from === '<title>' && h.length >= 12 && t.includes(h));
}

/**
 * True when an <h1> outside every story comes before them and the head's metadata names it
 * (og:title, JSON-LD headline, or a <title> that starts with it): the stories are parts of the
 * article that headline heads.
 */
function namedPageHeadline(doc: Document, stories: Story[], names: ReturnType<typeof pageNames>): boolean {
  const first = stories[0]!.nodes[0]!;
  return headlineElements(doc).some(
    (h) =>
      h.tagName === 'H1' &&
      !stories.some((s) => s.nodes.some((n) => n.contains(h))) &&
      // Before the first story in document order.
      !!(h.compareDocumentPosition(first) & 4) &&
      names.titles.some(([t, from]) =>
        from === '<title>'
          ? lowerLettersAndDigits(t).startsWith(lowerLettersAndDigits(text(h))) && text(h).length >= 12
          : titleNames(t, from, text(h)),
      ),
  );
}

/** The calendar dates printed in these elements (lines that are only a date, not a time alone), as YYYY-MM-DD where they can be read. */
function printedDates(elements: Element[]): Set<string> {
  const out = new Set<string>();
  for (const el of elements) {
    const t = text(el);
    if (t.length >= 80 || !isDateLine(t)) continue;
    const day = isoDateFromPage(el.getAttribute('datetime') ?? t) ?? isoDateFromPage(t);
    out.add(day ? day.slice(0, 10) : t.toLowerCase());
  }
  return out;
}

/**
 * True when a story prints a calendar date of its own (a line that is only a date with its day
 * or month, not a time alone: a live blog's entries print times) that the story `outer` does not
 * print outside it: a long read's part that repeats the article's date is still a part.
 */
function datedPart(part: Story, outer: Story): boolean {
  const inPart = (el: Element) => part.nodes.some((p) => p.contains(el));
  const own = printedDates(part.nodes.flatMap((n) => [n, ...n.querySelectorAll('*')]));
  const outerDates = printedDates(
    outer.nodes.flatMap((n) => [n, ...n.querySelectorAll('*')]).filter((el) => !inPart(el)),
  );
  return [...own].some((d) => !outerDates.has(d));
}

/** Removes everything inside `container` except `keep` and its ancestors. */
function pruneAround(container: Element, keep: Element): void {
  for (let el: Element = keep; el !== container && el.parentElement; el = el.parentElement)
    for (const sibling of [...el.parentElement.childNodes]) if (sibling !== el) sibling.remove();
}

/** A list of headlines as the report prints it. */
const listed = (stories: Story[]) => stories.map((s) => `“${s.title}”`).join(', ');

/**
 * Keeps only the story the page's metadata names when the page holds several (see the module
 * comment), removing the others from the document; `given`, an address the user gave (--url),
 * names the story first when one story has it. Returns what the report should say (`notes`,
 * empty for a page with one story) and whether `given` chose the story kept (`chosenByUrl`: the
 * article's address is then `given`, whatever the head says). Run it before reading metadata and
 * extracting.
 * @throws {SeveralArticlesError} when the page holds several stories and its metadata names none
 *   of them, or names two different ones (the address one, the title another); the message lists
 *   the headlines and what the metadata says; and when `given` is the address of no story (none
 *   prints or links it, and the metadata does not give it): a story is never filed under another
 *   story's address.
 */
export function keepNamedArticle(doc: Document, given?: string): { notes: string[]; chosenByUrl: boolean } {
  const names = pageNames(doc);
  const stories = findStories(doc, names.base);
  const none = { notes: [], chosenByUrl: false };
  if (stories.length < 2) return none;
  const byAddress = stories.filter((s) => names.addresses.some(([a]) => s.addresses.has(a)));
  const byTitle = stories.filter((s) => names.titles.some(([t, from]) => titleNames(t, from, s.title)));
  const givenKey = addressKey(canonicalUrl(given, names.base));
  // The story that gives the address as its own, else the one story that links to it (a
  // permalink printed inside it).
  let byGiven = givenKey ? stories.filter((s) => s.addresses.has(givenKey)) : [];
  if (givenKey && byGiven.length === 0) byGiven = stories.filter((s) => s.links.has(givenKey));
  if (byAddress.length === 0 && byTitle.length === 0 && byGiven.length === 0 && namedPageHeadline(doc, stories, names))
    // Bylined parts under the page's own headline, which the metadata names: a debate with two
    // signed views, a live blog without markup. One article.
    return none;
  let named: Story | undefined;
  let how = '';
  // An address given that no story prints or links, and that the metadata does not give either,
  // names no story: the story the metadata names is not filed under it.
  const givenNamesNone = Boolean(givenKey) && byGiven.length === 0 && !names.addresses.some(([a]) => a === givenKey);
  if (givenNamesNone) {
    // Refused below, naming the addresses --url can choose.
  } else if (byGiven.length === 1) {
    // The user named the story (--url): that settles it.
    named = byGiven[0];
    how = 'the address given with --url';
  } else if (byAddress.length === 1 && byTitle.every((s) => s === byAddress[0])) {
    named = byAddress[0];
    how = `its ${names.addresses.find(([a]) => named!.addresses.has(a))![1]}`;
  } else if (byAddress.length === 0 && byTitle.length === 1) {
    named = byTitle[0];
    how = `its ${names.titles.find(([t, from]) => titleNames(t, from, named!.title))![1]}`;
  }
  if (!named) {
    const says = [
      ...names.addresses.map(([a, from]) => `${from} ${a}`),
      ...names.titles.map(([t, from]) => `${from} “${t}”`),
      ...names.sectionPages,
    ].join('; ');
    // --url can only pick a story that gives or links to an address no other story does.
    const unique = (s: Story) =>
      [...s.addresses, ...s.links].filter((a) =>
        stories.every((o) => o === s || (!o.addresses.has(a) && !o.links.has(a))),
      );
    const choosable = stories.filter((s) => unique(s).length > 0);
    const advice = choosable.length
      ? `save each story from its own address and import that, or give the address of the one to keep with --url (${choosable
          .map((s) => `${unique(s)[0]} for “${s.title}”`)
          .join(', ')})`
      : 'save each story from its own address and import that (no story on the page gives an address of its own, so --url cannot choose one)';
    const metadataNamed = new Set([...byAddress, ...byTitle]);
    throw new SeveralArticlesError(
      `holds ${stories.length} articles (${listed(stories)}) and its metadata ${
        metadataNamed.size === 0
          ? 'names none of them'
          : metadataNamed.size === 1
            ? `names ${listed([...metadataNamed])}`
            : 'names more than one of them'
      }${says ? ` (${says})` : ''}${
        givenKey && byGiven.length === 0 ? `; the address given with --url, ${givenKey}, is none of theirs` : ''
      }${
        byGiven.length > 1 ? `; the address given with --url, ${givenKey}, is linked from more than one of them` : ''
      }: not imported, so that no story is archived under another's headline; ${advice}`,
    );
  }
  const others = stories.filter((s) => s !== named);
  // Signed <h2> parts inside the <article> the named <h1> heads (a round-up of critics' views, a
  // debate) are parts of that article, not stories of their own.
  const article = named.headline.tagName === 'H1' ? named.headline.closest('article') : null;
  if (article && others.every((s) => s.signedOnly && article.contains(s.headline) && !datedPart(s, named))) return none;
  // The same without an <article>: signed parts after the named <h1> inside the element that holds
  // it (a <div> or <main> around the introduction and the contributions), none with a date line
  // of its own. Stories set side by side each print their own date, or sit in a container of
  // their own beside the <h1>'s.
  const holder = named.headline.tagName === 'H1' ? named.headline.parentElement : null;
  if (
    holder &&
    others.every(
      (s) =>
        s.signedOnly &&
        holder.contains(s.headline) &&
        !!(named.headline.compareDocumentPosition(s.headline) & 4) &&
        !datedPart(s, named),
    )
  )
    return none;
  for (const s of others)
    for (const n of s.nodes) {
      const inside = named.nodes.filter((k) => n !== k && n.contains(k));
      if (inside.length === 0) n.remove();
      // A story loaded inside the previous one's container: only the path down to it stays.
      else for (const k of inside) pruneAround(n, k);
    }
  const notes = [
    `the page holds ${stories.length} articles; kept only “${named.title}”, the one ${how} names, and left out ${listed(others)}`,
  ];
  // Chosen by --url, a story the head's metadata does not describe (its titles name another) takes
  // no fact from it: headline, byline and date are read from the story itself.
  if (byGiven.length === 1 && !byTitle.includes(named)) {
    for (const el of (doc.head ?? doc).querySelectorAll(HEAD_FACTS)) el.remove();
    notes.push(
      `the page's own metadata ${byTitle.length ? `describes ${listed(byTitle)}` : 'names none of its stories'}, so headline, byline and date are read from the story kept`,
    );
  }
  return { notes, chosenByUrl: byGiven.length === 1 };
}

/** Tags in a page's head that state facts about one article (all but the site's name). */
const HEAD_FACTS = [
  'script[type="application/ld+json" i]',
  'title',
  'link[rel="canonical"]',
  'meta[property^="og:"]:not([property="og:site_name"])',
  'meta[property^="article:"]',
  'meta[name^="twitter:"]',
  'meta[name^="citation_"]',
  'meta[name^="dc." i]',
  'meta[name^="dcterms." i]',
  'meta[name="author"]',
  'meta[name="description"]',
  'meta[name="date"]',
].join(', ');
