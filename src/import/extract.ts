import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { CaptureError } from './capture.ts';
import { keepNamedArticle } from './several-articles.ts';
import { markBlocks, restoreDroppedProse } from './dropped-prose.ts';
import { quotePostCards } from './embedded-posts.ts';
import { fontsToSpans, removeLayoutChrome } from './layout-tables.ts';
import { singleSpaced } from '../text/white-space.ts';

// Finding the article in a saved page with Mozilla's Readability, on linkedom (fast and light
// enough for folders of thousands of pages; Readability runs on it unchanged). The page is parsed
// once: the caller reads its metadata first, because Readability changes the document.
//
// Before extraction only what is provably not article text is removed: elements the page itself
// hides (`hidden`, `aria-hidden="true"`), navigation and dialogs by their element or role, and ad
// slots marked by the ad servers' own attributes; none of them when it holds paragraphs of prose. No element is removed because a word occurs in its class or id: real pages wrap
// whole articles in classes such as "paywall-content", "…-promotion" or "advertisement-pusher",
// and in one <form> (ASP.NET). What is left inside the extracted article is handled block by block
// by the rules in clean/rules.ts.

/** Elements removed before extraction: each is boilerplate by what it is, not by what it is called. */
const NOT_ARTICLE = [
  // Hidden from every reader by the page itself.
  '[hidden]',
  '[aria-hidden="true"]',
  // Navigation, by its element and role: menus, section links, breadcrumbs.
  'nav',
  '[role="navigation"]',
  // Modal dialogs: cookie and consent banners, sign-in and subscription overlays.
  'dialog',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[aria-modal="true"]',
  // Ad slots, by the attributes ad servers require (AdSense, Google Publisher Tag, Prebid).
  'ins.adsbygoogle',
  '[data-ad-slot]',
  '[data-ad-client]',
  '[data-google-query-id]',
  '[id^="div-gpt-ad"]',
];

/** Attributes that hold the real address of a lazy-loaded image, most specific first. */
const LAZY_SRC = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-lazy'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset'];

/** True for a `src` that is only a stand-in for a lazy image (missing, a data: URI, or "about:blank"). */
function placeholderSrc(src: string | null): boolean {
  return !src || /^\s*(?:data:|about:blank|#)/i.test(src) || src.trim() === '';
}

/**
 * Gives lazy-loaded images their real address and turns AMP's <amp-img> into <img>, so the
 * extractor sees the image the reader saw. Real addresses come from `data-src` and its variants
 * (the lazysizes and WordPress conventions) when `src` is a placeholder.
 */
function revealImages(document: Document): void {
  for (const amp of [...document.querySelectorAll('amp-img, amp-anim')]) {
    if (amp.parentElement?.closest('amp-img, amp-anim')) continue;
    const img = document.createElement('img');
    for (const name of ['src', 'srcset', 'alt', 'width', 'height', 'title']) {
      const value = amp.getAttribute(name);
      if (value !== null) img.setAttribute(name, value);
    }
    amp.replaceWith(img);
  }
  for (const el of document.querySelectorAll('img, source')) {
    const isImg = el.tagName === 'IMG';
    if (isImg && placeholderSrc(el.getAttribute('src'))) {
      const real = LAZY_SRC.map((a) => el.getAttribute(a)).find((v) => v && !placeholderSrc(v));
      if (real) el.setAttribute('src', real.trim());
    }
    const srcset = LAZY_SRCSET.map((a) => el.getAttribute(a)).find((v) => v && v.trim());
    if (srcset && placeholderSrc(el.getAttribute('srcset'))) el.setAttribute('srcset', srcset.trim());
    if (isImg && placeholderSrc(el.getAttribute('src'))) {
      const first = (el.getAttribute('srcset') ?? '').split(',')[0]?.trim().split(/\s+/)[0];
      if (first && !placeholderSrc(first)) el.setAttribute('src', first);
    }
  }
}

/**
 * True when an element holds paragraphs of prose (300 characters or more in <p> elements): a
 * page saved while a dialog was open has its whole wrapper marked aria-hidden, and it stays.
 */
function holdsProse(el: Element): boolean {
  let chars = 0;
  for (const p of el.querySelectorAll('p')) chars += (p.textContent ?? '').trim().length;
  return chars >= 300;
}

/** Passages as the report quotes them: each cut at 80 characters, at most five, then how many more. */
function quoted(passages: string[]): string {
  const shown = passages.slice(0, 5).map((t) => `“${t.length > 80 ? `${t.slice(0, 77)}…` : t}”`);
  return shown.join(', ') + (passages.length > 5 ? ` and ${passages.length - 5} more` : '');
}

/**
 * Why a page whose parse holds no element (plain text, front matter, only a comment or a doctype)
 * is not read: not a saved web page, and what to do instead.
 */
function noElements(pageHtml: string): string {
  const held = /^\uFEFF?---\r?\n/.test(pageHtml)
    ? 'only text starting with front matter ("---")'
    : 'only text or comments';
  return `holds no HTML elements, ${held}: it is not a saved web page (save the page again from the browser as a complete web page, or import a plain-text copy as a .txt file)`;
}

/** A parsed page, ready for metadata reading and then extraction. */
export interface ParsedPage {
  document: Document;
  /** What the report should say about the page as parsed (another story on it left out). */
  notes: string[];
  /** Set when the page holds several stories and all but one were left out (see keepNamedArticle). */
  oneOfSeveral: boolean;
  /** Set when the story kept is the one the address given (--url) names: that is its address. */
  chosenByUrl?: boolean;
}

/**
 * Parses a page once. A page holding several stories keeps only the one its metadata, or `url`
 * (the address the user gave), names (see keepNamedArticle).
 * @throws {SeveralArticlesError} for a page holding several stories none of which its metadata names.
 * @throws {CaptureError} for a page holding no HTML element (plain text, front matter, a comment).
 */
export function parsePage(pageHtml: string, url?: string): ParsedPage {
  let document = parseHTML(pageHtml).document;
  if (!document.documentElement) throw new CaptureError(noElements(pageHtml));
  // linkedom makes a fragment's first element the root (a lone <script> or <div>): cleaning could
  // remove it and leave no document, so a fragment is parsed inside an <html> element.
  if (document.documentElement.localName !== 'html') document = parseHTML(`<html>${pageHtml}</html>`).document;
  const { notes, chosenByUrl } = keepNamedArticle(document, url);
  // keepNamedArticle says something only when it left other stories out.
  return { document, notes, oneOfSeveral: notes.length > 0, ...(chosenByUrl && { chosenByUrl }) };
}

/** What extraction found: the article HTML, its byline and headline, and how much text it holds. */
export interface Extracted {
  /** The article as HTML, or null when the extractor found nothing article-like. */
  html: string | null;
  byline: string | null;
  /** Readability's headline (the page title with the site name taken off). */
  title: string | null;
  /** Characters of text in the extracted article. */
  textLength: number;
  /** What the report should say about the extraction (prose put back). */
  notes: string[];
}

/** What Readability takes for a byline element (Readability.js `_checkByline`): rel/itemprop author, or a class or id naming one. */
const READABILITY_BYLINE =
  '[rel="author"], [itemprop*="author" i], [class*="byline" i], [class*="author" i], [class*="dateline" i], [id*="byline" i], [id*="author" i]';

/**
 * Takes the byline markup off the bylines of a story's parts (a round-up's contributions, each a
 * subheading and a "By …" line under it) when there are two or more, so that the extractor,
 * which removes the first byline it meets as the article's, leaves them all in the text alike.
 * A byline under the page's <h1> is the article's and keeps its markup.
 */
function keepPartBylines(document: Document): void {
  const parts = [...document.querySelectorAll(READABILITY_BYLINE)].filter((el) => {
    let prev = el.previousElementSibling;
    while (prev && !(prev.textContent ?? '').trim()) prev = prev.previousElementSibling;
    return !!prev && /^H[2-6]$/.test(prev.tagName) && (el.textContent ?? '').trim().length < 100;
  });
  if (parts.length < 2) return;
  for (const el of parts) for (const attr of ['class', 'id', 'rel', 'itemprop']) el.removeAttribute(attr);
}

/**
 * Extracts the article from a parsed page. Changes the document (run metadata reading first).
 * `url` is the page's address, so relative links and images resolve against it.
 */
export function extractArticle(page: ParsedPage, url?: string): Extracted {
  const { document } = page;
  for (const selector of NOT_ARTICLE)
    for (const el of document.querySelectorAll(selector))
      if (el.tagName !== 'BODY' && el.tagName !== 'HTML' && el.parentNode && !holdsProse(el)) el.remove();
  removeLayoutChrome(document);
  quotePostCards(document);
  revealImages(document);
  fontsToSpans(document);
  keepPartBylines(document);
  const before = markBlocks(document);
  if (url && !document.querySelector('base'))
    document.head?.insertAdjacentHTML('afterbegin', `<base href="${url.replace(/"/g, '&quot;')}">`);
  // Readability's own threshold (500 characters) is kept: below it Readability tries again with
  // looser rules and returns its best attempt, while a lower threshold made it accept a page's
  // print footer over the article on real pages.
  const article = new Readability(document, { keepClasses: false }).parse();
  const notes: string[] = [];
  let html = article?.content ?? null;
  let textLength = article?.length ?? 0;
  if (html) {
    const { html: whole, restored, leftOut } = restoreDroppedProse(before, html);
    html = whole;
    textLength += restored.reduce((n, t) => n + t.length, 0);
    if (restored.length)
      notes.push(
        `kept ${restored.length} paragraph${restored.length === 1 ? '' : 's'} the extractor had left out between the article's paragraphs: ${quoted(restored)}`,
      );
    if (leftOut.length)
      notes.push(
        `left out ${leftOut.length} passage${leftOut.length === 1 ? '' : 's'} of prose found between the article's paragraphs but not shaped like them (a pull quote, caption, teaser, prompt or box; check the capture if one belongs to the article): ${quoted(leftOut)}`,
      );
  }
  return { html, byline: article?.byline ?? null, title: article?.title ?? null, textLength, notes };
}

/** How article-like an extracted body is: its prose (text outside links) and link share. */
export interface ArticleMeasure {
  /** Characters of text in the extracted article. */
  text: number;
  /** Characters of that text inside links. */
  linkText: number;
  /** Characters of text outside links, in blocks whose text is mostly not links (the prose). */
  prose: number;
  /** Number of such blocks of 80 characters or more (paragraphs of prose). */
  paragraphs: number;
}

const BLOCK = /^(?:P|LI|PRE|TD|TH|BLOCKQUOTE|DD|DT|DIV|SECTION|ARTICLE|MAIN|H[1-6]|FIGCAPTION|CAPTION|BODY)$/;

/**
 * Measures an extracted article (HTML as Readability returns it) block by block: prose is the
 * text outside links in blocks that are mostly not links, in any script (a character count, so
 * Chinese or Japanese text counts like any other) and in any block (`<pre>` too).
 */
export function measureArticle(html: string): ArticleMeasure {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = new Map<Element, { text: number; links: number }>();
  const walk = (node: Node, block: Element, inLink: boolean): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        const n = singleSpaced(child.textContent ?? '').length;
        const b = blocks.get(block) ?? { text: 0, links: 0 };
        b.text += n;
        if (inLink) b.links += n;
        blocks.set(block, b);
      } else if (child.nodeType === 1) {
        const el = child as Element;
        walk(el, BLOCK.test(el.tagName) ? el : block, inLink || el.tagName === 'A');
      }
    }
  };
  walk(document.body, document.body, false);
  const measure: ArticleMeasure = { text: 0, linkText: 0, prose: 0, paragraphs: 0 };
  for (const { text, links } of blocks.values()) {
    measure.text += text;
    measure.linkText += links;
    if (text - links > links) {
      measure.prose += text - links;
      if (text >= 80) measure.paragraphs++;
    }
  }
  return measure;
}
