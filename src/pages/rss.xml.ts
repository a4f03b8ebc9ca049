import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { FEED_SIZE, SITE_DESCRIPTION, SITE_TITLE } from '../site/settings.ts';
import { loadArchive, sourceName } from '../site/collections.ts';
import { rfc822 } from '../content/dates.ts';
import { urls } from '../site/urls.ts';
import { feedText, xmlText } from '../site/xml.ts';

// The newest articles as an RSS 2.0 feed (https://www.rssboard.org/rss-specification). RSS's own
// <author> must be an e-mail address, so bylines go in Dublin Core's <dc:creator>, one element per
// author, as feed readers expect. <pubDate> is written here rather than by @astrojs/rss, which
// converts it to UTC: the feed gives the moment in the original's own offset, so a reader shows
// the day the article page shows. Text goes through src/site/xml.ts, so the feed stays
// well-formed whatever characters a headline or standfirst holds.

/** The newest articles as an RSS feed. */
export async function GET(context: APIContext) {
  const archive = await loadArchive();
  const self = new URL(urls.feed(), context.site).href;
  return rss({
    title: SITE_TITLE,
    description: SITE_DESCRIPTION,
    site: new URL(urls.home(), context.site).href,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    items: archive.articles.slice(0, FEED_SIZE).map((a) => ({
      title: feedText(a.data.title),
      link: urls.article(a.id),
      description: feedText(a.data.dek ?? `${a.data.title} (${sourceName(archive, a.data.source.id)})`),
      categories: a.data.topics?.map(feedText),
      customData: [
        `<pubDate>${rfc822(a.data.published)}</pubDate>`,
        ...a.data.authors.map((au) => `<dc:creator>${xmlText(au.name)}</dc:creator>`),
      ].join(''),
    })),
    customData: `<language>en</language><atom:link href="${xmlText(self)}" rel="self" type="application/rss+xml"/>`,
  });
}
