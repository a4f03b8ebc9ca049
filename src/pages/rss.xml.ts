import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { FEED_SIZE, SITE_DESCRIPTION, SITE_TITLE } from '../consts';
import { loadArchive, sourceName } from '../lib/archive';
import { urls } from '../lib/urls';

/** The newest articles as an RSS feed. */
export async function GET(context: APIContext) {
  const archive = await loadArchive();
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: new URL(urls.home(), context.site).href,
    items: archive.articles.slice(0, FEED_SIZE).map((a) => ({
      title: a.data.title,
      link: urls.article(a.id),
      pubDate: a.data.published,
      description: a.data.dek ?? `${a.data.title} (${sourceName(archive, a.data.source.id)})`,
      categories: a.data.topics,
      ...(a.data.authors.length > 0 && { author: a.data.authors.join(', ') }),
    })),
    customData: '<language>en</language>',
  });
}
