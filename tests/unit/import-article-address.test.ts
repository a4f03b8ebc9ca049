import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, test } from 'vitest';
import { importAll } from '../../src/import/run.ts';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { readMetadata } from '../../src/import/metadata.ts';
import { formatSummary } from '../../src/import/report.ts';

// The article's own address: never the site's home page or a section page the page also names,
// and the address the page's sources agree on (the canonical link first).

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

const SITE = 'https://worldwire.example';

/** A news page of the site: its head tags as given, a navigation bar, and a story. */
function page(head: string, headline: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${headline} - World Wire</title>
<meta property="og:title" content="${headline}"><meta property="og:site_name" content="World Wire">${head}</head>
<body><header><a href="/">World Wire</a><nav><a href="/us/">U.S.</a> <a href="/international/">International</a> <a href="/business/">Business</a></nav></header>
<article><h1>${headline}</h1>${[1, 2, 3].map((n) => `<p>${text} This is paragraph ${n} of the story, long enough to read as prose on any page of the site.</p>`).join('')}</article></body></html>`;
}

const ld = (fields: Record<string, unknown>) =>
  `<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2024-05-13T08:00:00Z', author: { '@type': 'Person', name: 'Ruth Dale' }, ...fields })}</script>`;

const meta = (html: string) => readMetadata(parseHTML(html).document);

describe("the article's own address", () => {
  test('two articles whose JSON-LD url is their section page are two articles, each at its own address', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'archive-address-'));
    scratch.push(dir);
    const root = path.join(dir, 'content');
    for (const sub of ['articles', 'people', 'sources']) await mkdir(path.join(root, sub), { recursive: true });
    const inbox = path.join(dir, 'inbox');
    await mkdir(inbox);
    const stories = [
      ['police-detain-rabbi-56683809', 'Police detain rabbi over weddings', 'Police questioned a rabbi on Thursday.'],
      ['floods-southern-china-56690012', 'Floods force thousands from homes', 'Heavy rain flooded dozens of towns.'],
    ];
    for (const [slug, headline, text] of stories) {
      const url = `${SITE}/international/${slug}`;
      const head = `<link rel="canonical" href="${url}"><meta property="og:url" content="${url}">${ld({ headline, url: `${SITE}/international/` })}`;
      await writeFile(path.join(inbox, `${slug}.html`), page(head, headline!, text!));
    }
    const run = await importAll([inbox], root, options);
    expect(run.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    const urls = await Promise.all(
      run.outcomes.map(
        async (o) => (parseYaml(splitFrontmatter(await readFile(o.article!, 'utf8'))!.yaml) as { url: string }).url,
      ),
    );
    expect(urls.sort()).toEqual(stories.map(([slug]) => `${SITE}/international/${slug}`).sort());
    expect(formatSummary(run, { dryRun: false })).toMatch(
      new RegExp(
        `JSON-LD url ${SITE}/international/ is a folder above ${SITE}/international/\\S+, not this article's address`,
      ),
    );
  });

  test("the site's home page, a breadcrumb step or a folder above the article never stand for it", () => {
    const article = `${SITE}/business/2024/05/ferry-strike-called-off`;
    const cases = [
      `<link rel="canonical" href="${article}">${ld({ headline: 'Strike off', url: `${SITE}/` })}`,
      `<meta property="og:url" content="${article}">${ld({ headline: 'Strike off', mainEntityOfPage: { '@id': `${SITE}/business/2024/` } })}`,
      `<link rel="canonical" href="${article}">${ld({ headline: 'Strike off', url: `${SITE}/business/markets/` })}<script type="application/ld+json">{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"item":"${SITE}/business/markets/"},{"@type":"ListItem","position":2,"item":"${article}"}]}</script>`,
      `${ld({ headline: 'Strike off', url: article })}<link rel="canonical" href="${SITE}/">`,
    ];
    for (const head of cases)
      expect(meta(page(head, 'Strike off', 'The strike is off.')).url?.value, head).toBe(article);
  });

  test('a page that names only a section page or the home page gets no address, and says so', () => {
    for (const wrong of [`${SITE}/international/`, `${SITE}/`]) {
      const m = meta(
        page(
          `<link rel="canonical" href="${wrong}">${ld({ headline: 'Strike off', url: wrong })}`,
          'Strike off',
          'The strike is off.',
        ),
      );
      expect(m.url).toBeUndefined();
      expect(m.notes?.join(' ')).toContain('no address is recorded for the article: give it with --url');
    }
  });

  test('the address most sources agree on wins, the canonical link first, and the report names the other', () => {
    const a = `${SITE}/international/story-a`;
    const b = `${SITE}/international/story-a-amp`;
    const agree = meta(
      page(
        `<link rel="canonical" href="${a}"><meta property="og:url" content="${a}">${ld({ headline: 'A', url: b })}`,
        'A',
        'Text.',
      ),
    );
    expect(agree.url).toEqual({ value: a, from: 'link rel=canonical' });
    expect(agree.notes).toEqual([`JSON-LD url ${b} differs from link rel=canonical ${a}, which is used`]);
    const jsonLdWithOg = meta(
      page(
        `<meta property="og:url" content="${b}">${ld({ headline: 'A', url: b })}<link rel="canonical" href="${a}">`,
        'A',
        'Text.',
      ),
    );
    expect(jsonLdWithOg.url?.value).toBe(b);
    const relative = meta(
      page(`<link rel="canonical" href="${a}">${ld({ headline: 'A', url: '/international/story-a' })}`, 'A', 'Text.'),
    );
    expect(relative.url?.value).toBe(a);
    expect(relative.notes).toBeUndefined();
  });

  test('navigation that links to the article itself (a current-page tab, a language menu) does not make it a section', () => {
    const article = `${SITE}/2024/05/13/ferry-strike-called-off`;
    const html = page(
      `<link rel="canonical" href="${article}">${ld({ headline: 'Strike off', url: article })}`,
      'Strike off',
      'Text.',
    ).replace('</nav>', `<a href="${article}" aria-current="page">This story</a></nav>`);
    const m = meta(html);
    expect(m.url?.value).toBe(article);
    expect(m.notes).toBeUndefined();
  });
});
