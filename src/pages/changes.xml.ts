import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { FEED_SIZE, SITE_TITLE } from '../site/settings.ts';
import { loadArchive, sourceName } from '../site/collections.ts';
import { loadVersions } from '../site/version-pages.ts';
import { latestChanges } from '../site/changes.ts';
import { captureText, rfc822 } from '../content/dates.ts';
import { countOf } from '../text/plural.ts';
import { urls } from '../site/urls.ts';
import { feedText, xmlText } from '../site/xml.ts';

// The Changes page as an RSS 2.0 feed: one item per changed article, its latest change, newest
// capture first, linking to the compare page. <pubDate> is the moment of the newer capture. Text
// goes through src/site/xml.ts, so the feed stays well-formed whatever a headline holds.

/** The latest changes as an RSS feed. */
export async function GET(context: APIContext) {
  const archive = await loadArchive();
  const changes = await latestChanges(archive.articles, await loadVersions(archive.articles));
  const self = new URL(urls.changesFeed(), context.site).href;
  return rss({
    title: `${SITE_TITLE}: changes`,
    description: 'Archived articles that changed after publication, latest change first.',
    site: new URL(urls.changes(), context.site).href,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    items: changes.slice(0, FEED_SIZE).map((c) => ({
      title: feedText(`${c.headlineChanged ? 'Headline changed: ' : ''}${c.after.data.title}`),
      link: urls.versionChanges(c.article.id, c.after.id),
      description: feedText(
        `${sourceName(archive, c.article.data.source.id)}: ${countOf(c.size.added, 'word')} added, ` +
          `${countOf(c.size.removed, 'word')} removed between the captures of ${captureText(c.before.data.captured)} ` +
          `and ${captureText(c.after.data.captured)}.` +
          (c.headlineChanged ? ` The headline was “${c.before.data.title}”.` : ''),
      ),
      customData: `<pubDate>${rfc822(c.after.data.captured)}</pubDate>`,
    })),
    customData: `<language>en</language><atom:link href="${xmlText(self)}" rel="self" type="application/rss+xml"/>`,
  });
}
