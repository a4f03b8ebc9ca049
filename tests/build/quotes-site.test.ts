import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { listFiles } from '../../src/content/files.ts';
import { QUOTE_PEOPLE, quoteArticles } from '../fixtures/quote-articles.ts';
import { page, texts } from '../helpers/dist.ts';
import { DIST_ARCHIVE, DIST_ROOT, FIXTURE_CONTENT } from '../helpers/paths.ts';

// Quotes on the built fixture site, checked against the content files read here (YAML front
// matter, nothing of the site's code): every quote a person page lists is from an article whose
// front matter names that person, links to a paragraph of that article holding its words, and
// the person pages, the article pages and data/quotes.jsonl all list the same quotes.

/** Each article's address below the base ("articles/<id>/") and the people its front matter lists. */
async function articlePeople(): Promise<Map<string, Set<string>>> {
  const dir = path.join(FIXTURE_CONTENT, 'articles');
  const people = new Map<string, Set<string>>();
  for (const file of (await listFiles(dir)).filter((f) => f.endsWith('.md'))) {
    const text = await readFile(path.join(dir, file), 'utf8');
    const data = parse(/^---\n([\s\S]*?)\n---/.exec(text)![1]!) as { people?: (string | { id: string })[] };
    const ids = (data.people ?? []).map((p) => (typeof p === 'string' ? p : p.id));
    people.set(`articles/${file.replace(/\.md$/, '')}/`, new Set(ids));
  }
  return people;
}

/** A quote as a person page lists it: its words, the article address below the base, and the fragment. */
interface Listed {
  text: string;
  article: string;
  anchor: string;
}

/** The names of the people the quoting fixture articles name. */
const PEOPLE_NAMES: Record<string, string> = Object.fromEntries(QUOTE_PEOPLE.map((p) => [p.id, p.name]));

const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The quotes listed on a page (`.quote-list`), addresses taken below `base`. */
function listed(doc: Document, base: string): Listed[] {
  return [...doc.querySelectorAll('.quote-list li')].map((li) => {
    const href = li.querySelector('a[href*="/articles/"]')!.getAttribute('href')!;
    const [where, anchor = ''] = href.split('#');
    expect(where!.startsWith(base), href).toBe(true);
    return { text: squeeze(li.querySelector('q')!.textContent ?? ''), article: where!.slice(base.length), anchor };
  });
}

/** Every page of a person's quotes (/people/<id>/quotes/ and its page/N/), in order. */
async function quotesPages(dist: string, base: string, id: string): Promise<Listed[][]> {
  const pages: Listed[][] = [];
  for (let n = 1; ; n++) {
    const at = `people/${id}/quotes/${n > 1 ? `page/${n}/` : ''}`;
    if (!existsSync(path.join(dist, at, 'index.html'))) return pages;
    pages.push(listed(await page(dist, `/${at}`), base));
  }
}

/** One line of data/quotes.jsonl. */
interface QuoteLine {
  article: string;
  address: string;
  published: string;
  person: string | null;
  speaker: string | null;
  quote: string;
  anchor: string | null;
}

async function jsonl(dist: string): Promise<QuoteLine[]> {
  const text = await readFile(path.join(dist, 'data', 'quotes.jsonl'), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as QuoteLine);
}

describe.each([
  { dist: DIST_ROOT, base: '/' },
  { dist: DIST_ARCHIVE, base: '/archive/' },
])('quotes at $base', ({ dist, base }) => {
  test('every quote on every person page is from an article naming that person, and links to a paragraph holding it', async () => {
    const people = await articlePeople();
    const ids = await readdir(path.join(dist, 'people'), { withFileTypes: true });
    let checked = 0;
    const pagesOf = new Map<string, Promise<Document>>();
    for (const id of ids.filter((d) => d.isDirectory()).map((d) => d.name)) {
      const personPage = await page(dist, `/people/${id}/`);
      const all = (await quotesPages(dist, base, id)).flat();
      for (const q of [...listed(personPage, base), ...all]) {
        expect(people.get(q.article), `${id}: ${q.article}`).toBeDefined();
        expect([...people.get(q.article)!], `${id} quoted in ${q.article}`).toContain(id);
        if (!pagesOf.has(q.article)) pagesOf.set(q.article, page(dist, `/${q.article}`));
        const target = (await pagesOf.get(q.article)!).getElementById(decodeURIComponent(q.anchor));
        expect(target, `${q.article}#${q.anchor}`).not.toBeNull();
        expect(squeeze(target!.textContent ?? '')).toContain(q.text);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(8);
  });

  test('a person page shows their newest quotes and links to all of them, paged five to a page', async () => {
    const lines = await jsonl(dist);
    const theirs = lines.filter((l) => l.person === 'benedikt-quarrington');
    expect(theirs.length).toBeGreaterThan(5);
    const pages = await quotesPages(dist, base, 'benedikt-quarrington');
    expect(pages.map((p) => p.length)).toEqual(
      Array.from({ length: Math.ceil(theirs.length / 5) }, (_, i) => Math.min(5, theirs.length - i * 5)),
    );
    // Newest article first: the hearing (July 2015) before the levy story (March 2015).
    const order = pages.flat().map((q) => q.article);
    const hearing = 'articles/2015/07/quarrington-levy-hearing/';
    expect(order.lastIndexOf(hearing)).toBeLessThan(order.indexOf('articles/2015/03/quarrington-ferry-levy/'));
    const personPage = await page(dist, '/people/benedikt-quarrington/');
    expect(listed(personPage, base)).toEqual(pages[0]);
    expect(texts(personPage, '#quotes-heading')).toEqual([`${theirs.length} quotes by Benedikt Quarrington`]);
    expect(personPage.querySelector(`a[href="${base}people/benedikt-quarrington/quotes/"]`)).not.toBeNull();
    const second = await page(dist, '/people/benedikt-quarrington/quotes/page/2/');
    expect(second.querySelector(`a[rel="prev"]`)?.getAttribute('href')).toBe(
      `${base}people/benedikt-quarrington/quotes/`,
    );
  });

  test('data/quotes.jsonl lists every quote of the person pages, with anchors on the article pages', async () => {
    const people = await articlePeople();
    const lines = await jsonl(dist);
    for (const l of lines) {
      expect(l.address).toBe(`https://archive.example.org${base}articles/${l.article}/`);
      if (l.person !== null) expect([...people.get(`articles/${l.article}/`)!]).toContain(l.person);
      const doc = await page(dist, `/articles/${l.article}/`);
      expect(squeeze(doc.getElementById(l.anchor!)?.textContent ?? ''), `${l.article}#${l.anchor}`).toContain(
        squeeze(l.quote),
      );
    }
    const persons = [...new Set(lines.flatMap((l) => (l.person ? [l.person] : [])))];
    for (const id of persons) {
      // All on the quotes pages, or, for a person with no more than their page shows, on it.
      const pages = await quotesPages(dist, base, id);
      const all = pages.length > 0 ? pages.flat() : listed(await page(dist, `/people/${id}/`), base);
      expect(
        all.map((q) => q.text),
        id,
      ).toEqual(lines.filter((l) => l.person === id).map((l) => squeeze(l.quote)));
    }
    // Every quoting fixture article is in it, with the words as written in its file.
    for (const a of quoteArticles()) {
      const ofArticle = lines.filter((l) => l.article === a.id);
      expect(ofArticle.length, a.id).toBeGreaterThan(0);
      for (const l of ofArticle) expect(a.body).toContain(l.quote);
    }
  });

  test('an article page lists its quotes with their speakers, each linking to its paragraph', async () => {
    const lines = await jsonl(dist);
    const id = '2015/03/quarrington-ferry-levy';
    const doc = await page(dist, `/articles/${id}/`);
    const facts = [...doc.querySelectorAll('.article-facts dt')].find(
      (dt) => dt.textContent === 'Quoted in this article',
    );
    expect(facts).toBeDefined();
    const entries: Element[] = [];
    for (let e = facts!.nextElementSibling; e && e.tagName === 'DD'; e = e.nextElementSibling) entries.push(e);
    const ofArticle = lines.filter((l) => l.article === id);
    expect(entries).toHaveLength(ofArticle.length);
    for (const [i, dd] of entries.entries()) {
      const line = ofArticle[i]!;
      const link = [...dd.querySelectorAll('a')].at(-1)!;
      expect(link.getAttribute('href')).toBe(`${base}articles/${id}/#${line.anchor}`);
      // The marks come from <q> and its language (the browser's quotes for French are « »).
      const q = link.querySelector('q');
      expect(q?.getAttribute('lang')).toBeTruthy();
      expect(squeeze(link.textContent ?? '')).toBe(squeeze(line.quote));
      const speaker = squeeze(dd.querySelector('span')?.textContent ?? '');
      if (line.person) expect(speaker).toBe(PEOPLE_NAMES[line.person]);
      else expect(speaker).toBe(line.speaker ?? 'Unattributed');
    }
  });
});
