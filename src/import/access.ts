import type { CleanReport } from './clean/apply.ts';
import type { PageMetadata } from './metadata.ts';
import { singleSpaced } from '../text/white-space.ts';

// Subscriber-only articles. Publishers mark paywalled text for search engines with schema.org's
// `isAccessibleForFree: false` and a `hasPart` naming the locked part by CSS selector (Google's
// "Subscription and paywalled content" markup). A saved page whose locked part is empty, or that
// shows a subscription prompt where the story stops, holds only the teaser.

/** What the page says about access to the article, read before extraction changes the page. */
export interface Access {
  /** The JSON-LD says the article is not free to read. */
  paid: boolean;
  /** Characters of text in the elements the JSON-LD names as locked; null when it names none that exist. */
  lockedText: number | null;
}

/** Reads the access markup and measures the locked part of the page. */
export function readAccess(doc: Document, meta: PageMetadata): Access {
  const declared = meta.access?.value;
  if (!declared) return { paid: false, lockedText: null };
  let lockedText: number | null = null;
  for (const selector of declared.lockedSelectors) {
    try {
      for (const el of doc.querySelectorAll(selector))
        lockedText = (lockedText ?? 0) + singleSpaced(el.textContent ?? '').length;
    } catch {
      // A selector linkedom cannot read says nothing about the page.
    }
  }
  return { paid: !declared.free, lockedText };
}

/** Locked text shorter than this is a placeholder, not the article's continuation. */
const EMPTY_LOCK = 200;

/** Article text longer than this with a subscription prompt is a full (metered) article, not a teaser. */
const TEASER_MAX = 2500;

/**
 * Why the capture holds only a teaser, or undefined when it holds the whole article. When the
 * page's JSON-LD names its locked part, that part decides: empty (under 200 characters) means a
 * teaser. Otherwise a subscription prompt where the text stops (removed by the `paywall-prompt`
 * rule) means a teaser when the text kept is short (under 2,500 characters): metered pages show
 * the same prompt over a complete article. `textLength` is the kept text's length in characters.
 */
export function partialCapture(access: Access, report: CleanReport, textLength: number): string | undefined {
  if (access.paid && access.lockedText !== null)
    return access.lockedText < EMPTY_LOCK
      ? 'the page declares the article subscriber-only and its locked part is empty'
      : undefined;
  if (report.removed.some((r) => r.rule === 'paywall-prompt') && textLength < TEASER_MAX)
    return `the page shows a subscription prompt where the text stops${access.paid ? ' and declares the article subscriber-only' : ''}`;
  return undefined;
}
