import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { pageImporter } from '../helpers/import-page.ts';
import { importAll } from '../../src/import/run.ts';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { parsePage } from '../../src/import/extract.ts';
import { chooseArticleAddress } from '../../src/import/article-address.ts';

// Several stories on one page in the shapes that carry no <article> element or address of their
// own: <div>s and <section>s, <h2> headlines, headlines one after another in one container, each
// story known by the byline printed under its headline; and a page whose only address is a
// section's index page. Pages: tests/fixtures/import-cases/stories-without-article-elements/.

const DIR = path.resolve('tests/fixtures/import-cases/stories-without-article-elements');
const importPage = pageImporter(DIR);
const BRIDGE = 'Bridge repairs delayed until summer';
const LIBRARY = 'Library opens new wing downtown';

// For the one test that imports two pages into one content folder.
const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** A paragraph of prose long enough to count, numbered and tagged with its story's word. */
const para = (word: string, n: number) =>
  `<p>${word} paragraph ${n}: residents said the change would affect their daily lives, and officials promised a review of the plan by next spring.</p>`;
const paras = (word: string, count: number) => Array.from({ length: count }, (_, i) => para(word, i + 1)).join('');
const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;

describe('several stories without <article> elements', () => {
  test('two <div> stories, each an <h1> with its byline: only the one the title names', async () => {
    const { outcome, data, body, report } = await importPage('two-divs.html');
    expect(outcome.status).toBe('imported');
    expect(data!.title).toBe(BRIDGE);
    expect(body).toContain('Bridge story paragraph 5');
    expect(body).not.toMatch(/Library/);
    expect(report).toContain(`page holds 2 articles; kept only “${BRIDGE}”`);
  });

  test('two <section>s in <main>, the second headed by an <h2>', async () => {
    const { data, body, report } = await importPage('two-in-one.html');
    expect(data!.title).toBe(BRIDGE);
    expect(body).toContain('Bridge story paragraph 4');
    expect(body).not.toMatch(/Library/);
    expect(report).toContain(`left out “${LIBRARY}”`);
  });

  test('metadata naming neither story, the canonical a section page: not imported, and the reason names the section page', async () => {
    const { outcome, run } = await importPage('two-neither.html');
    expect(outcome.status).toBe('failed');
    expect(outcome.reason).toContain(`holds 2 articles (“${BRIDGE}”, “${LIBRARY}”)`);
    expect(outcome.reason).toContain('names none of them');
    expect(outcome.reason).toContain('https://citytimes.example/news is a section page');
    expect(run.outcomes.every((o) => !o.article)).toBe(true);
  });

  test('a round-up without an <article>: signed contributions in <div>s or <section>s under the named <h1> are one article', async () => {
    for (const name of ['roundup-divs.html', 'roundup-main.html']) {
      const { outcome, data, body, report } = await importPage(name);
      expect(outcome.status, name).toBe('imported');
      expect(data!.title).toBe('What should the next mayor do? Our writers respond');
      expect(body).toContain('RoundIntro paragraph 2');
      for (const n of [0, 1, 2]) expect(body, name).toContain(`Contrib${n} paragraph 3`);
      for (const h of ['Build more homes', 'Fix the trains first', 'Listen to the young']) expect(body).toContain(h);
      expect(data!.authors).toEqual(expect.arrayContaining(['Ava Stone', 'Ben Cole', 'Cara Diaz']));
      expect(report).not.toMatch(/page holds/);
    }
  });

  test("a round-up's contributors' bylines stay in the text alike, the first one too", async () => {
    for (const [name, bylines] of [
      ['roundup-divs.html', ['By Ava Stone', 'By Ben Cole', 'By Cara Diaz']],
      ['roundup-main.html', ['By Ava Stone', 'By Ben Cole', 'By Cara Diaz']],
      ['roundup-h3-roles.html', ['By Ava Stone, architect', 'By Ben Cole, engineer', 'By Cara Diaz, student']],
    ] as const) {
      const { data, body } = await importPage(name);
      for (const b of bylines) expect(body, name).toContain(`\n${b}\n`);
      expect(data!.authors).toEqual(expect.arrayContaining(['Ava Stone', 'Ben Cole', 'Cara Diaz']));
    }
    // The byline under the page's own headline is the article's, and leaves the text.
    expect((await importPage('roundup-main.html')).body).not.toContain('Opinion Staff');
  });

  test('stories after the named <h1> that print their own date stay separate stories', () => {
    const head = `<title>${BRIDGE} | City Times</title>`;
    const body = `<div class="page"><h1>${BRIDGE}</h1><p>By Ann Lee</p>${paras('Bridge', 3)}<div><h2>${LIBRARY}</h2><p>By Ben Ode</p><p>March 2, 2024</p>${paras('Library', 3)}</div></div>`;
    const parsed = parsePage(page(head, body));
    expect(parsed.notes[0]).toContain(`kept only “${BRIDGE}”`);
    expect(parsed.document.body.textContent).not.toContain('Library paragraph');
  });

  test('inside one <article>: a signed <h2> story with its own date is a story; a part repeating the article date is a part', async () => {
    const story = await importPage('dated-story-inside-article.html');
    expect(story.data!.title).toBe('Ferry fares rise');
    expect(story.body).toContain('Ferry paragraph 5');
    expect(story.body).not.toContain('School paragraph');
    expect(story.report).toContain('left out “School roof to be replaced”');
    const longRead = await importPage('longread-part-repeats-date.html');
    expect(longRead.data!.title).toBe('The long road home');
    for (const part of ['Leaving paragraph 4', 'Journey paragraph 4', 'Arrival paragraph 4'])
      expect(longRead.body).toContain(part);
    expect(longRead.report).not.toMatch(/page holds/);
  });

  test('unsigned stories one after another under <h2>s, each with its own date: only the one the title names', async () => {
    for (const [name, kept, left] of [
      ['flat-h2-dated-en.html', 'Ferry fares rise', 'School'],
      ['flat-h2-time-element-en.html', 'Ferry fares rise', 'School'],
      ['flat-h2-dated-es.html', 'Suben las tarifas del ferry', 'Escuela'],
    ]) {
      const { outcome, data, body, report } = await importPage(name!);
      expect(outcome.status, name).toBe('imported');
      expect(data!.title).toBe(kept);
      expect(body, name).not.toContain(`${left} p`);
      expect(report).toContain(`page holds 2 articles; kept only “${kept}”`);
    }
  });

  test('dated <h2> parts stay one article: short dated notes, a live blog, a page with one dated <h2>', () => {
    const title = `<title>${BRIDGE} | City Times</title>`;
    const short = (w: string) => `<p>${w}: the works went on through the night.</p>`.repeat(3);
    const pages = [
      // A diary of short dated notes under one headline.
      `<main><h1>${BRIDGE}</h1>${paras('Intro', 2)}${[1, 2, 3].map((n) => `<h2>Day ${n}</h2><p>March ${n}, 2024</p>${short(`Day ${n}`)}`).join('')}</main>`,
      // A live blog by its class: entries with dates and times.
      `<h1>${BRIDGE}: live</h1><div class="live-blog">${[1, 2].map((n) => `<h2>Update ${n}</h2><p>March ${n}, 2024 10:15</p>${paras('Update', 4)}</div>`).join('')}</div>`,
      // Entries with times only.
      `<div>${[1, 2].map((n) => `<h2>Update ${n}</h2><p>10:1${n}</p>${paras('Update', 4)}`).join('')}</div>`,
    ];
    for (const body of pages) expect(parsePage(page(title, body)).notes, body.slice(0, 80)).toEqual([]);
  });

  test('--url picks the story that prints a permalink to it, and is only suggested when it can pick one', async () => {
    const refused = await importPage('permalink-inside-story.html');
    expect(refused.outcome.status).toBe('failed');
    expect(refused.outcome.reason).toContain(
      'give the address of the one to keep with --url (https://harborpost.example/2024/03/ferry-fares for “Ferry fares rise”)',
    );
    const { outcome, data, body, report } = await importPage('permalink-inside-story.html', {
      url: 'https://harborpost.example/2024/03/ferry-fares/',
    });
    expect(outcome.status).toBe('imported');
    expect(data!.title).toBe('Ferry fares rise');
    expect(data!.url).toBe('https://harborpost.example/2024/03/ferry-fares/');
    expect(data!.authors).toEqual(['Kim Ali']);
    expect(body).toContain('Ferry paragraph 5');
    expect(body).not.toContain('School paragraph');
    expect(report).toContain('the one the address given with --url names');
    // No story gives or links to an address of its own: --url is not offered, and one given says it matched none.
    const neither = await importPage('two-neither.html');
    expect(neither.outcome.reason).toContain('save each story from its own address and import that');
    expect(neither.outcome.reason).toContain('--url cannot choose one');
    expect(neither.outcome.reason).not.toContain('give the address of the one to keep');
    const given = await importPage('two-neither.html', { url: 'https://citytimes.example/news/bridge-repairs' });
    expect(given.outcome.status).toBe('failed');
    expect(given.outcome.reason).toContain(
      'the address given with --url, https://citytimes.example/news/bridge-repairs, is none of theirs',
    );
  });

  test('more shapes: <h2> headlines one after another in one container, bylines in a box, og:title naming the second', () => {
    const head = `<title>City Times</title><meta property="og:title" content="${LIBRARY}">`;
    const flat = `<main><h2>${BRIDGE}</h2><div class="meta"><span>By Ann Lee</span> <span>1 Feb 2024</span></div>${paras('Bridge', 4)}<h2>${LIBRARY}</h2><p>By Ben Ode</p>${paras('Library', 4)}</main>`;
    const doc = parsePage(page(head, flat)).document;
    expect(doc.body.textContent).toContain('Library paragraph 4');
    expect(doc.body.textContent).not.toContain('Bridge paragraph');
    // <header> around the headline, the byline after it; French "Par".
    const headers = [BRIDGE, LIBRARY]
      .map(
        (t, i) =>
          `<div class="post"><header><h2>${t}</h2></header><p class="signature">Par Anne Lebrun</p>${paras(i ? 'Library' : 'Bridge', 4)}</div>`,
      )
      .join('');
    const second = parsePage(page(head, headers));
    expect(second.notes[0]).toContain(`kept only “${LIBRARY}”`);
    expect(second.document.body.textContent).not.toContain('Bridge paragraph');
    // Unsigned wire stories: an <h1> with its date under it.
    const dated = [BRIDGE, LIBRARY]
      .map((t, i) => `<div><h1>${t}</h1><p>March ${i + 1}, 2024</p>${paras(i ? 'Library' : 'Bridge', 4)}</div>`)
      .join('');
    expect(parsePage(page(head, dated)).notes[0]).toContain(`kept only “${LIBRARY}”`);
    // Neither named: refused.
    expect(() => parsePage(page('<title>City Times</title>', headers))).toThrow(/names none of them/);
  });

  test('one story stays one: a long read with <h2> sections, a sidebar box, live blogs, a debate of two signed views', () => {
    const title = `<title>${BRIDGE} | City Times</title>`;
    const pages = [
      // A long read: bylined under its <h1>, then <h2> sections with prose, none signed.
      `<article><h1>${BRIDGE}</h1><p class="byline">By Ann Lee</p><time>1 Feb 2024</time>${[1, 2, 3].map((n) => `<section><h2>Part ${n}</h2>${paras('Bridge', 3)}</section>`).join('')}</article>`,
      // A sidebar box with an <h2> and prose of its own inside the story.
      `<div class="story"><h1>${BRIDGE}</h1><p>By Ann Lee</p>${paras('Bridge', 3)}<div class="sidebar"><h2>How the bridge was built</h2>${paras('Sidebar', 3)}</div>${paras('Bridge', 2)}</div>`,
      // A live blog without schema.org markup: entries with <h2>s and bylines under them.
      `<h1>${BRIDGE}: live</h1><div class="live-blog">${[1, 2, 3].map((n) => `<div class="entry"><h2>Update ${n}</h2><p>By Ann Lee</p>${paras('Update', 3)}</div>`).join('')}</div>`,
      // The same without any class: the page's headline, named by the <title>, heads the entries.
      `<h1>${BRIDGE}</h1><div>${[1, 2].map((n) => `<div><h2>Update ${n}</h2><p>By Ann Lee</p>${paras('Update', 3)}</div>`).join('')}</div>`,
      // A round-up: the story's own introduction, then signed contributions, in one <article>.
      `<article><h1>${BRIDGE}</h1><p>By Ann Lee</p>${paras('Intro', 3)}${['Film', 'Music'].map((t) => `<h2>${t}</h2><p>By Ben Ode</p>${paras(t, 3)}`).join('')}</article>`,
      // Two signed views under one headline the metadata names.
      `<main><h1>${BRIDGE}</h1><section><h2>For: fix it now</h2><p>By Ann Lee</p>${paras('For', 3)}</section><section><h2>Against: wait</h2><p>By Ben Ode</p>${paras('Against', 3)}</section></main>`,
      // A comment section: the heading is followed by comments, not by a byline.
      `<article><h1>${BRIDGE}</h1><p>By Ann Lee</p>${paras('Bridge', 3)}</article><section><h2>Comments</h2><div class="comment"><span class="author">Sam</span>${paras('Comment', 2)}</div></section>`,
      // Short comments, each with its author marked up as such, under a "Comments (3)" heading.
      `<article><h1>${BRIDGE}</h1><p>By Ann Lee</p>${paras('Bridge', 3)}</article><section class="comments"><h2>Comments (3)</h2>${[1, 2, 3].map((n) => `<div class="comment"><p class="comment-author">reader${n}</p><p>Comment ${n}: the bridge has been closed for far too long, and nobody at the council seems to care about it.</p></div>`).join('')}</section>`,
    ];
    for (const body of pages) {
      const parsed = parsePage(page(title, body));
      expect(parsed.notes, body.slice(0, 80)).toEqual([]);
    }
  });
});

describe('a section page is never the article address', () => {
  const none = { breadcrumbs: new Set<string>(), navigation: new Set<string>() };
  test('a one-segment address named for a section is set aside, in several languages', () => {
    for (const url of [
      'https://citytimes.example/news/',
      'https://zeitung.example/lokales',
      'https://diario.example/deportes/',
    ]) {
      const choice = chooseArticleAddress([{ url, from: 'link rel=canonical' }], none);
      expect(choice.chosen, url).toBeUndefined();
      expect(choice.notes.join(' ')).toContain('is a section page');
    }
  });
  test('a section under a language prefix, a category, tag, topic or author page is set aside too', () => {
    for (const url of [
      'https://harborpost.example/en/news/',
      'https://harborpost.example/en/',
      'https://journal.example/fr/actualites/',
      'https://harborpost.example/category/local/',
      'https://harborpost.example/tag/harbor-wall/',
      'https://harborpost.example/tag/harbor-wall/page/2/',
      'https://harborpost.example/topics/climate/',
      'https://harborpost.example/section/sport/',
      'https://zeitung.example/thema/verkehr/',
    ]) {
      const choice = chooseArticleAddress([{ url, from: 'link rel=canonical' }], none);
      expect(choice.chosen, url).toBeUndefined();
      expect(choice.notes.join(' ')).toContain('is a section page');
    }
    for (const url of [
      'https://harborpost.example/en/council-approves-harbor-wall',
      'https://harborpost.example/en/news/2024/03/harbor-wall',
      'https://harborpost.example/news/12345',
      'https://harborpost.example/local/harbor-wall',
    ])
      expect(chooseArticleAddress([{ url, from: 'link rel=canonical' }], none).chosen?.url, url).toBe(url);
  });

  test('two stories whose canonical is the same language-prefixed section page: --force replaces neither with the other', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'archive-shapes-'));
    scratch.push(dir);
    const root = path.join(dir, 'content');
    for (const sub of ['articles', 'people', 'sources']) await mkdir(path.join(root, sub), { recursive: true });
    const first = await importAll([path.join(DIR, 'language-section-canonical-1.html')], root, options);
    const second = await importAll([path.join(DIR, 'language-section-canonical-2.html')], root, {
      ...options,
      force: true,
    });
    expect(first.outcomes[0]!.status).toBe('imported');
    expect(second.outcomes[0]!.status).toBe('imported');
    expect(second.outcomes[0]!.article).not.toBe(first.outcomes[0]!.article);
    const a = splitFrontmatter(await readFile(first.outcomes[0]!.article!, 'utf8'))!;
    const b = splitFrontmatter(await readFile(second.outcomes[0]!.article!, 'utf8'))!;
    expect((parseYaml(a.yaml) as Record<string, unknown>).title).toBe('Council approves harbor wall');
    expect((parseYaml(b.yaml) as Record<string, unknown>).title).toBe('Ferry fares rise again');
    expect((parseYaml(a.yaml) as Record<string, unknown>).url).toBeUndefined();
  });

  test("a one-segment article slug is the article's address", () => {
    const url = 'https://blog.example/bridge-repairs-delayed/';
    expect(chooseArticleAddress([{ url, from: 'link rel=canonical' }], none).chosen?.url).toBe(url);
  });
});
