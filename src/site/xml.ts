import { withoutControlCharactersIn } from '../content/control-characters.ts';

// Text for the XML the site writes (the RSS feeds). XML 1.0 forbids most control characters
// outright, even escaped (a numeric reference such as `&#x1F;` is not well-formed either), so
// they are left out here as on every page (src/content/control-characters.ts); the feeds stay
// well-formed whatever the text holds.

/**
 * Text for a feed field that @astrojs/rss escapes itself (title, description, category): the
 * same text without the characters XML 1.0 forbids.
 */
export function feedText(text: string): string {
  return withoutControlCharactersIn(text);
}

/** Text escaped for an XML element's content or a quoted attribute value, without the characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  return withoutControlCharactersIn(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
