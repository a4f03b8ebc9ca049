import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageImporter } from '../helpers/import-page.ts';
import { parsePage } from '../../src/import/extract.ts';

// A page saved after infinite scroll loaded the next story holds two stories. Only the one the
// page's metadata names is archived, or the import stops and says so; never one story's text
// under another's headline. Pages: tests/fixtures/import-cases/second-story-on-page/.

const CASES = path.resolve('tests/fixtures/import-cases/second-story-on-page');
const importPage = pageImporter(CASES);

const FERRY = 'Ferry pier to close for repairs';
const TERNS = 'Rare terns return to the river spit';

describe('second-story-on-page: a page holding several stories', () => {
  test('the reported page: only the rabbi story, under its own headline, and the report says so', async () => {
    const { outcome, data, body, report } = await importPage('rabbi.html');
    expect(outcome.status).toBe('imported');
    expect(data!.title).toBe('Police detain rabbi over unlicensed weddings');
    expect(data!.url).toBe('https://newswire.example/international/police-detain-rabbi-weddings-56683809');
    expect(body).toContain('Police questioned a liberal rabbi on Thursday');
    expect(body).toContain('attempt to intimidate non-Orthodox clergy');
    expect(body).not.toMatch(/flood|China|mudslide/i);
    expect(report).toMatch(/page holds 2 articles; kept only “Police detain rabbi over unlicensed weddings”/);
    expect(report).toContain('left out “Floods in southern China force thousands from their homes”');
  });

  test('headlines one after another in one container, each with its byline and date', async () => {
    const { data, body, report } = await importPage('flat-headlines.html');
    expect(data!.title).toBe(FERRY);
    expect(body).toContain('old ferry pier for repairs');
    expect(body).not.toMatch(/terns|shingle|wildlife trust/);
    expect(report).toContain('the one its og:title names');
  });

  test('a story a loader put inside the first story, with an h2 and its own JSON-LD', async () => {
    const { data, body } = await importPage('loaded-inside.html');
    expect(data!.title).toBe(FERRY);
    expect(data!.authors).toEqual(['Ruth Dale']);
    expect(body).toContain('depending on the weather and the tides.');
    expect(body).not.toMatch(/terns|shingle|wildlife trust|Owen Price/);
  });

  test('two story containers the JSON-LD lists as two articles: the one the canonical link names, with its own facts', async () => {
    const { data, body } = await importPage('json-ld-items.html');
    expect(data!.title).toBe(FERRY);
    expect(data!.authors).toEqual(['Ruth Dale']);
    expect(data!.published).toBe('2024-05-13T08:00:00+01:00');
    expect(body).toContain('old ferry pier for repairs');
    expect(body).not.toMatch(/terns|shingle|wildlife trust/);
  });

  test('the address bar had moved on to the second story: that one is kept, under its address', async () => {
    const { data, body } = await importPage('address-moved-on.html');
    expect(data!.title).toBe(TERNS);
    expect(data!.url).toBe('https://estuarypost.example/news/rare-terns-return-to-spit-4412');
    expect(body).toContain('shingle spit at the mouth of the river');
    expect(body).not.toMatch(/ferry|pontoon/i);
  });

  test('metadata naming neither story, or one by address and the other by title: the import stops and says why', async () => {
    for (const [page, says] of [
      ['names-neither.html', 'names none of them'],
      ['names-both.html', 'names more than one of them'],
    ]) {
      const { outcome, run } = await importPage(page!);
      expect(outcome.status).toBe('failed');
      expect(outcome.reason).toContain(`holds 2 articles (“${FERRY}”, “${TERNS}”)`);
      expect(outcome.reason).toContain(says);
      expect(outcome.reason).toContain('save each story from its own address');
      expect(run.outcomes.every((o) => !o.article)).toBe(true);
    }
  });

  test('the user names the story with --url, also where the metadata names neither or both', async () => {
    const url = 'https://estuarypost.example/news/rare-terns-return-to-spit-4412';
    // An address no story prints or links is refused, also where the metadata names one story:
    // that story is not filed under another address.
    for (const page of ['names-both.html', 'rabbi.html']) {
      const { outcome } = await importPage(page, { url: 'https://estuarypost.example/nothing-here' });
      expect(outcome.reason ?? '', page).toMatch(/give the address of the one to keep with --url/);
    }
    const { data, body, report } = await importPage('names-both.html', { url });
    expect(data!.title).toBe(TERNS);
    expect(data!.url).toBe(url);
    expect(body).toContain('shingle spit at the mouth of the river');
    expect(body).not.toMatch(/ferry|pontoon/i);
    expect(report).toContain('the one the address given with --url names');
    // The story the head does not describe takes none of the head's facts.
    const ferry = 'https://estuarypost.example/news/ferry-pier-to-close-for-repairs-4411';
    const other = await importPage('names-both.html', { url: ferry });
    expect(other.data!.title).toBe(FERRY);
    expect(other.data!.url).toBe(ferry);
    expect(other.data!.authors).toEqual(['Ruth Dale']);
    expect(other.body).not.toMatch(/terns|shingle/);
    expect(other.report).toContain('metadata describes “Rare terns return to the river spit”');
  });

  test('one story in sections, a live blog and a comment section are not several stories', () => {
    const para = (n: number) =>
      `<p>Paragraph ${n} of the story goes on long enough to be prose, with a full sentence about the harbour, the ferries and the people who use them every day.</p>`.repeat(
        3,
      );
    const pages = [
      // A long read whose sections are <h1>s, each under its own <section>.
      `<title>How the harbour was built</title><body><article><h1>How the harbour was built</h1><p class="byline">By Ruth Dale</p><time datetime="2024-05-13">13 May</time>${[1, 2, 3].map((n) => `<section><h1>Part ${n}</h1>${para(n)}</section>`).join('')}</article></body>`,
      // A live blog: entries with their own headings, times, authors and permalinks.
      `<title>Storm live</title><script type="application/ld+json">{"@type":"LiveBlogPosting","headline":"Storm live"}</script><body><h1>Storm live</h1>${[1, 2].map((n) => `<div class="entry" data-permalink="/live/storm?post=${n}"><h2>Update ${n}</h2><time>10:0${n}</time><p class="author">By Ruth Dale</p>${para(n)}</div>`).join('')}</body>`,
      // A comment section under the story.
      `<title>Ferry pier to close</title><body><article><h1>Ferry pier to close</h1>${para(1)}</article><section id="comments"><h2>Comments</h2><div class="comment"><span class="author">Sam</span><time>1 hour ago</time>${para(2)}</div></section></body>`,
    ];
    for (const html of pages) expect(parsePage(`<!doctype html><html><head>${html}</html>`).notes).toEqual([]);
  });
});
