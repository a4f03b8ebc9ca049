import type { APIContext } from 'astro';
import { cslJson } from '../../../lib/citation';
import { citationFactsFor } from '../../../lib/cite-article';
import { loadArchive, type Article } from '../../../lib/archive';

// CSL-JSON download for each article.

export async function getStaticPaths() {
  const archive = await loadArchive();
  return archive.articles.map((article) => ({ params: { id: article.id }, props: { article } }));
}

export async function GET({ props, site }: APIContext) {
  const article = props.article as Article;
  const facts = citationFactsFor(article, await loadArchive(), site!);
  return new Response(cslJson(facts, article.id), {
    headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json' },
  });
}
