import type { Author } from './names.ts';
import { topicKey, topicLabels, topicSlug } from './topics.ts';

// Who a byline names, one rule for the pages (lists, person pages, /authors/) and the search
// records (the author filter), so a reporter's articles are the same set everywhere.
//
// A personal byline that is the name or the only matching other name of a person of the archive
// is that person: their articles are listed on the person's page ("Articles by …"). Any other
// byline, organizations' included ("Reuters", "Staff reporter"), is an author of its own, with a
// listing at /authors/<slug>/. Bylines are one author when they differ only in letter case or
// spacing (the rule of topics, src/content/topics.ts), shown in the spelling most articles use.

/** The author a byline names, as the site lists it. */
export interface BylineAuthor {
  /** One key per author: "person:<id>" for a person of the archive, "byline:<key>" for any other. */
  key: string;
  /** The name the site lists: the person's name, or the byline's most used spelling. */
  name: string;
  /** The person's id, when the byline names a person of the archive. */
  person?: string;
  /** True for an organization's byline (src/content/names.ts, looksLikeOrganization). */
  organization: boolean;
  /** The address slug of the author's own listing (unused for a person, listed on their page). */
  slug: string;
}

/** What the rule needs of a person: id, name and other names. */
export interface NamedPerson {
  id: string;
  data: { name: string; aliases: readonly string[] };
}

/** Adds a value to the set under a key. */
function add(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}

/**
 * A function giving the author each byline names. `bylines` are the `authors` lists of the
 * articles the site shows (for the spellings kept); `people` the people the site gives a page. A
 * personal byline names a person when its key (topicKey: NFC, case-folded, spaces squeezed) is
 * that person's name, or else when it is the other name of exactly one person; an organization's
 * byline never names a person. Results are cached per byline.
 */
export function bylineAuthors(
  bylines: Iterable<readonly Author[]>,
  people: Iterable<NamedPerson>,
): (author: Author) => BylineAuthor {
  const lists = [...bylines];
  const labels = topicLabels(lists.map((list) => list.map((a) => a.name)));
  const byName = new Map<string, Set<string>>();
  const byAlias = new Map<string, Set<string>>();
  const names = new Map<string, string>();
  for (const p of people) {
    names.set(p.id, p.data.name);
    add(byName, topicKey(p.data.name), p.id);
    for (const alias of p.data.aliases) add(byAlias, topicKey(alias), p.id);
  }
  const cache = new Map<string, BylineAuthor>();
  return (author) => {
    const key = topicKey(author.name);
    const cached = cache.get(`${author.organization}:${key}`);
    if (cached) return cached;
    const only = (set: Set<string> | undefined) => (set?.size === 1 ? [...set][0] : undefined);
    const person = author.organization ? undefined : (only(byName.get(key)) ?? only(byAlias.get(key)));
    const found: BylineAuthor = person
      ? { key: `person:${person}`, name: names.get(person)!, person, organization: false, slug: topicSlug(key) }
      : {
          key: `byline:${key}`,
          name: labels.get(key)?.label ?? author.name.trim(),
          organization: author.organization,
          slug: topicSlug(key),
        };
    cache.set(`${author.organization}:${key}`, found);
    return found;
  };
}

/** The authors of one byline list, each once, in the byline's order. */
export function articleAuthors(authors: readonly Author[], authorOf: (a: Author) => BylineAuthor): BylineAuthor[] {
  const seen = new Map<string, BylineAuthor>();
  for (const a of authors) {
    const found = authorOf(a);
    if (!seen.has(found.key)) seen.set(found.key, found);
  }
  return [...seen.values()];
}
