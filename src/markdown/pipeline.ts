import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeRemoteImages from './rehype-remote-images.ts';
import { sanitizeSchema } from './sanitize-schema.ts';

// The rehype plugins every article body goes through, in order. Raw HTML is parsed first so the
// sanitizer sees it; everything after the sanitizer is trusted code.

/** Rehype plugins for the unified Markdown processor. */
export const rehypePlugins = [rehypeRaw, [rehypeSanitize, sanitizeSchema], rehypeRemoteImages] as const;
