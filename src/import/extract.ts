import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

// Finding the article in a saved page: page chrome that extractors are known to keep (cookie
// banners, share bars, newsletter boxes, comments) is removed first, then Mozilla's Readability
// picks the article body. linkedom is the DOM: fast and light enough for folders of thousands
// of pages, and Readability runs on it unchanged.

/** Elements that are never article text, removed before extraction. */
const CHROME = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'form',
  'button',
  'svg',
  'nav',
  'footer',
  '[aria-hidden="true"]',
  '[hidden]',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[class*="cookie" i]',
  '[id*="cookie" i]',
  '[class*="consent" i]',
  '[class*="newsletter" i]',
  '[class*="share" i]',
  '[class*="social" i]',
  '[id*="comments" i]',
  '[class*="comments" i]',
  '[class*="related" i]',
  '[class*="promo" i]',
  '[class*="advert" i]',
  '[class*="ad-slot" i]',
  '[class*="paywall" i]',
  '[class*="subscribe" i]',
];

/** What extraction found: the article HTML, its byline, and the parsed page (for metadata). */
export interface Extracted {
  document: Document;
  html: string | null;
  byline: string | null;
  /** Readability's headline (the page title with the site name taken off). */
  title: string | null;
  textLength: number;
}

/** Parses a page and extracts its article; html is null when the page holds no article. */
export function extractArticle(pageHtml: string, url?: string): Extracted {
  const { document } = parseHTML(pageHtml);
  const metaDocument = parseHTML(pageHtml).document;
  for (const selector of CHROME) {
    try {
      for (const el of document.querySelectorAll(selector))
        if (el.tagName !== 'BODY' && el.tagName !== 'HTML' && !el.closest('article p')) el.remove();
    } catch {
      // A selector the DOM does not support is skipped.
    }
  }
  if (url && !document.querySelector('base'))
    document.head?.insertAdjacentHTML('afterbegin', `<base href="${url.replace(/"/g, '&quot;')}">`);
  const article = new Readability(document as unknown as globalThis.Document, {
    keepClasses: false,
    charThreshold: 300,
  }).parse();
  return {
    document: metaDocument as unknown as globalThis.Document,
    html: article?.content ?? null,
    byline: article?.byline ?? null,
    title: article?.title ?? null,
    textLength: article?.length ?? 0,
  };
}
