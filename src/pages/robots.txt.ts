import type { APIContext } from 'astro';
import { sitePath } from '../site/urls.ts';

/** robots.txt naming the sitemap at its full address. */
export function GET(context: APIContext) {
  const sitemap = new URL(sitePath('sitemap-index.xml'), context.site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
