import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { page } from './dist.ts';

// The bylines of a content folder and what the built site must list for them, worked out from the
// files alone (front matter read with the yaml package), sharing no code with the site. The rule
// the site states (README, "Bylines and authors"): a personal byline is a person of the archive
// when it is that person's name, or the other name of that person alone; an organization's byline
// (`{ name, organization: true }`) never is. Every other byline is an author of its own, bylines
// differing only in letter case or spacing being one, listed under the spelling most articles use
// (the first in code-point order on a tie).

/** A public article's facts the lists show. */
interface ListedArticle {
  /** Site path without the base: "articles/2023/05/x/". */
  path: string;
  published: string;
  language: string;
  /** Bylines as printed, in order. */
  bylines: { name: string; organization: boolean }[];
  /** Names of the people it names, in order. */
  named: string[];
  source: string;
  topics: string[];
}

/** An author as the site must list them. */
export interface ExpectedAuthor {
  name: string;
  /** The person's id, for a byline that is a person of the archive. */
  person?: string;
  /** Paths of the articles they signed. */
  articles: Set<string>;
}

/** Every file under a folder, as paths relative to it. */
async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Folded for identity: NFC, lower case, runs of white space as one space, trimmed. */
function fold(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The public articles and the people with pages of a content folder, and every author. */
export async function contentBylines(content: string) {
  const people = new Map<string, { name: string; aliases: string[] }>();
  for (const file of await filesUnder(path.join(content, 'people'))) {
    const data = parse(await readFile(path.join(content, 'people', file), 'utf8')) as {
      name: string;
      aliases?: string[];
    };
    people.set(file.replace(/\.ya?ml$/, ''), { name: data.name, aliases: data.aliases ?? [] });
  }
  const sources = new Map<string, string>();
  for (const file of await filesUnder(path.join(content, 'sources')))
    sources.set(
      file.replace(/\.ya?ml$/, ''),
      (parse(await readFile(path.join(content, 'sources', file), 'utf8')) as { name: string }).name,
    );
  const articles: ListedArticle[] = [];
  const namedBy = { shown: new Set<string>(), hidden: new Set<string>() };
  for (const file of (await filesUnder(path.join(content, 'articles'))).filter((f) => f.endsWith('.md'))) {
    const text = await readFile(path.join(content, 'articles', file), 'utf8');
    const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as Record<string, unknown>;
    const shown = !data.draft && data.source && data.url && data.published;
    const ids = ((data.people as (string | { id: string })[] | undefined) ?? []).map((p) =>
      typeof p === 'string' ? p : p.id,
    );
    for (const id of ids) namedBy[shown ? 'shown' : 'hidden'].add(id);
    if (!shown) continue;
    articles.push({
      path: `articles/${file.replace(/\.md$/, '')}/`,
      published: String(data.published),
      language: typeof data.language === 'string' ? data.language : 'en',
      bylines: ((data.authors as (string | { name: string; organization?: boolean })[] | undefined) ?? []).map((a) =>
        typeof a === 'string' ? { name: a, organization: false } : { name: a.name, organization: !!a.organization },
      ),
      named: ids.map((id) => people.get(id)!.name),
      source: sources.get(String(data.source))!,
      topics: (data.topics as string[] | undefined) ?? [],
    });
  }
  // People named only by articles the site does not show have no page.
  for (const id of namedBy.hidden) if (!namedBy.shown.has(id)) people.delete(id);
  const spellings = new Map<string, Map<string, number>>();
  for (const a of articles)
    for (const b of a.bylines) {
      const m = spellings.get(fold(b.name)) ?? new Map<string, number>();
      m.set(b.name.trim(), (m.get(b.name.trim()) ?? 0) + 1);
      spellings.set(fold(b.name), m);
    }
  const personOf = (b: { name: string; organization: boolean }) => {
    if (b.organization) return undefined;
    const byName = [...people].filter(([, p]) => fold(p.name) === fold(b.name));
    if (byName.length === 1) return byName[0]![0];
    const byAlias = [...people].filter(([, p]) => p.aliases.some((x) => fold(x) === fold(b.name)));
    return byAlias.length === 1 ? byAlias[0]![0] : undefined;
  };
  /** The name the site lists a byline's author under. */
  const authorName = (b: { name: string; organization: boolean }) => {
    const person = personOf(b);
    if (person) return people.get(person)!.name;
    return [...spellings.get(fold(b.name))!].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]![0];
  };
  const authors = new Map<string, ExpectedAuthor>();
  for (const a of articles)
    for (const b of a.bylines) {
      const person = personOf(b);
      const key = person ? `person ${person}` : `byline ${fold(b.name)}`;
      const author = authors.get(key) ?? { name: authorName(b), ...(person && { person }), articles: new Set() };
      author.articles.add(a.path);
      authors.set(key, author);
    }
  return { articles, people, authors: [...authors.values()], authorName };
}

/**
 * The article paths (without the base) a listing shows, from its address (with the base): every
 * page of an author's listing, following rel="next"; or, for a person page's "#articles-by", the
 * list under that heading.
 */
export async function listedAt(dist: string, base: string, href: string): Promise<string[]> {
  const [address, anchor] = href.split('#');
  const local = (p: string) => `/${p.slice(base.length)}`;
  if (anchor) {
    const doc = await page(dist, local(address!));
    const heading = doc.getElementById(anchor);
    if (!heading) return [];
    let list = heading.nextElementSibling;
    while (list && list.tagName !== 'OL' && list.tagName !== 'H2') list = list.nextElementSibling;
    if (!list || list.tagName !== 'OL') return [];
    return [...list.querySelectorAll('li h3 a')].map((x) => x.getAttribute('href')!.slice(base.length));
  }
  const out: string[] = [];
  for (let at: string | null | undefined = address, n = 0; at && n < 100; n++) {
    const doc = await page(dist, local(at));
    out.push(
      ...[...doc.querySelectorAll('.article-list li h2 a')].map((x) => x.getAttribute('href')!.slice(base.length)),
    );
    at = doc.querySelector('a[rel="next"]')?.getAttribute('href');
  }
  return out;
}
