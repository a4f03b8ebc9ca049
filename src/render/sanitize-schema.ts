import { defaultSchema } from 'rehype-sanitize';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

// The one place that says which HTML an article body may contain. Article bodies come from the
// open web, so everything not listed here is removed at build time. Based on GitHub's schema
// (the library's default), narrowed where a news article has no use for a feature and widened
// for the few elements news copy uses (figures, captions, time, abbreviations).

/** Elements removed together with everything inside them (their text is code or chrome, not prose). */
const stripWithContent = [
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'svg',
  'math',
  'textarea',
  'select',
  'title',
];

/** Global attributes the default allows that an archived article must not carry. */
const dropGlobal = new Set(['action', 'method', 'accessKey', 'tabIndex', 'encType', 'acceptCharset', 'accept']);

const globalAttributes = (defaultSchema.attributes?.['*'] ?? []).filter(
  (attr) => !dropGlobal.has(typeof attr === 'string' ? attr : attr[0]),
);

/**
 * What the sanitizer puts in front of every id and name in a body, so a body cannot clobber the
 * page's own ids (GitHub's choice, the library's default); rehype-in-page-anchors.ts gives
 * in-page links the same prefix.
 */
export const CLOBBER_PREFIX = 'user-content-';

/** Schema handed to rehype-sanitize for every article body. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: CLOBBER_PREFIX,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'),
    'figure',
    'figcaption',
    'cite',
    'abbr',
    'mark',
    'small',
    'time',
    'caption',
    'u',
  ],
  attributes: { ...defaultSchema.attributes, '*': globalAttributes, input: [] },
  protocols: {
    href: ['http', 'https', 'mailto'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
    longDesc: ['http', 'https'],
  },
  strip: stripWithContent,
  required: {},
};
