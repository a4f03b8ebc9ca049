import type { APIContext } from 'astro';
import { bibtex } from '../../../lib/citation';
import { citationFactsFor } from '../../../lib/cite-article';
import { loadArchive, type Article } from '../../../lib/archive';

// BibTeX download for each article.

export async function getStaticPaths() {
  const archive = await loadArchive();
  return archive.articles.map((article) => ({ params: { id: article.id }, props: { article } }));
}

export async function GET({ props, site }: APIContext) {
  const facts = citationFactsFor(props.article as Article, await loadArchive(), site!);
  return new Response(bibtex(facts), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
}
