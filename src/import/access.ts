import type { CleanReport } from './clean/apply.ts';
import type { PageMetadata } from './metadata.ts';

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
        lockedText = (lockedText ?? 0) + (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;
    } catch {
      // A selector linkedom cannot read says nothing about the page.
    }
  }
  return { paid: !declared.free, lockedText };
}

/** Locked text shorter than this is a placeholder, not the article's continuation. */
const EMPTY_LOCK = 200;

/**
 * Why the capture holds only a teaser, or undefined when it holds the whole article: the page
 * declares paid access and its locked part is empty, or a subscription prompt stood where the
 * story stops (removed by the `paywall-prompt` rule).
 */
export function partialCapture(access: Access, report: CleanReport): string | undefined {
  if (access.paid && access.lockedText !== null && access.lockedText < EMPTY_LOCK)
    return 'the page declares the article subscriber-only and its locked part is empty';
  if (report.removed.some((r) => r.rule === 'paywall-prompt'))
    return `the page shows a subscription prompt where the text stops${access.paid ? ' and declares the article subscriber-only' : ''}`;
  return undefined;
}
