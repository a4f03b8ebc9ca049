import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { listFiles } from '../../src/content/files.ts';
import { idFromPath } from '../../src/content/slug.ts';

// An oracle for the built related lists that shares no code with src/site/related.ts: it re-reads
// every article file (front matter with the yaml package, the body as text), reads each built
// article page's "Related coverage" links, and checks each link against the content. A link must
// join two articles that name a person in common, share a topic (compared case-blind), or, in
// one language, share a word of three letters or more that few articles have (in at most
// max(5, 10 %) of the articles of that language: the archive's own idea of a word too common to
// mean anything). Earlier links must not be newer than the article, later ones not older, each
// side at most five, no link to the article itself or twice.

/** What the oracle knows of one article. */
interface Known {
  published: string;
  language: string;
  people: Set<string>;
  topics: Set<string>;
  words: Set<string>;
}

/** The front-matter fields the oracle reads. */
interface FrontMatter {
  title?: string;
  dek?: string;
  language?: string;
  published?: string;
  draft?: boolean;
  people?: (string | { id: string })[];
  topics?: string[];
}

/** Lower case, without combining marks, split into letter-and-digit runs of three or more. */
function wordsOf(text: string): Set<string> {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => [...w].length >= 3 && !/^\d+$/.test(w)));
}

/** Every public article of a content folder, by id. */
async function readArchive(content: string): Promise<Map<string, Known>> {
  const dir = path.join(content, 'articles');
  const known = new Map<string, Known>();
  for (const rel of (await listFiles(dir)).filter((f) => f.endsWith('.md'))) {
    const text = await readFile(path.join(dir, rel), 'utf8');
    const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!m) continue;
    const data = parse(m[1]!) as FrontMatter;
    if (data.draft === true) continue;
    const people = (data.people ?? []).map((p) => (typeof p === 'string' ? p : p.id));
    const topics = (data.topics ?? []).map((t) => t.trim().toLowerCase().replace(/\s+/g, ' '));
    known.set(idFromPath(rel), {
      published: String(data.published),
      language: (data.language ?? 'en').split('-')[0]!.toLowerCase(),
      people: new Set(people),
      topics: new Set(topics),
      words: wordsOf(`${data.title ?? ''} ${data.dek ?? ''} ${m[2]}`),
    });
  }
  return known;
}

/** The related links of a built article page: the ids of each side, in order (site base stripped). */
export function relatedLinksOf(html: string, base: string): { section: boolean; earlier: string[]; later: string[] } {
  const section = /<section class="related-coverage"[\s\S]*?<\/section>/.exec(html)?.[0];
  const side = (name: string) => {
    const list = section && new RegExp(`<h3[^>]*>${name}</h3>\\s*<ul[^>]*>([\\s\\S]*?)</ul>`).exec(section)?.[1];
    return [...(list ?? '').matchAll(/<a href="([^"]+)"/g)].map((l) =>
      l[1]!
        .slice(base.length)
        .replace(/^articles\//, '')
        .replace(/\/$/, ''),
    );
  };
  return { section: section !== undefined, earlier: side('Earlier'), later: side('Later') };
}

/** What the oracle found on a build: pages and links checked, and every broken rule. */
export interface OracleReport {
  pages: number;
  links: number;
  emptyPages: number;
  problems: string[];
}

/**
 * Checks every article page of the build `dist` (made from `content`, with site base `base`)
 * against the rules above.
 */
export async function relatedOracle(content: string, dist: string, base = '/'): Promise<OracleReport> {
  const known = await readArchive(content);
  const counts = new Map<string, number>();
  const perLanguage = new Map<string, number>();
  for (const a of known.values()) {
    perLanguage.set(a.language, (perLanguage.get(a.language) ?? 0) + 1);
    for (const w of a.words) counts.set(`${a.language} ${w}`, (counts.get(`${a.language} ${w}`) ?? 0) + 1);
  }
  const rare = (language: string, word: string) =>
    counts.get(`${language} ${word}`)! <= Math.max(5, Math.floor(0.1 * perLanguage.get(language)!));
  const report: OracleReport = { pages: 0, links: 0, emptyPages: 0, problems: [] };
  for (const [id, a] of known) {
    const html = await readFile(path.join(dist, 'articles', id, 'index.html'), 'utf8');
    const { section, earlier, later } = relatedLinksOf(html, base);
    report.pages++;
    if (!section) report.problems.push(`${id}: no Related coverage section`);
    if (earlier.length + later.length === 0) report.emptyPages++;
    if (earlier.length > 5 || later.length > 5) report.problems.push(`${id}: more than five on a side`);
    const all = [...earlier, ...later];
    if (new Set(all).size !== all.length || all.includes(id)) report.problems.push(`${id}: a link twice or to itself`);
    for (const [otherId, isEarlier] of [
      ...earlier.map((e) => [e, true] as const),
      ...later.map((l) => [l, false] as const),
    ]) {
      report.links++;
      const b = known.get(otherId);
      if (!b) {
        report.problems.push(`${id} -> ${otherId}: not a public article of the content`);
        continue;
      }
      if (isEarlier ? b.published > a.published : b.published < a.published)
        report.problems.push(`${id} -> ${otherId}: on the wrong side (${a.published} / ${b.published})`);
      const person = [...a.people].some((p) => b.people.has(p));
      const topic = [...a.topics].some((t) => b.topics.has(t));
      const word = a.language === b.language && [...a.words].some((w) => b.words.has(w) && rare(a.language, w));
      if (!person && !topic && !word) report.problems.push(`${id} -> ${otherId}: shares no person, topic or rare word`);
    }
  }
  return report;
}
