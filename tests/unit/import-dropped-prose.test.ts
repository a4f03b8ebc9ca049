import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, describe, expect, test } from 'vitest';
import { importAll } from '../../src/import/run.ts';
import { splitFrontmatter } from '../../src/content/files.ts';
import { formatSummary } from '../../src/import/report.ts';
import { markBlocks, restoreDroppedProse } from '../../src/import/dropped-prose.ts';
import { isPostAddress } from '../../src/import/embedded-posts.ts';

// Nothing the article said is dropped silently: a paragraph that is all link, a linked post card,
// prose the extractor left out between kept paragraphs. Pages: tests/fixtures/import-cases/
// paragraph-that-is-a-link/ and embedded-posts/.

const CASES = path.resolve('tests/fixtures/import-cases');
const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function importPage(name: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'archive-dropped-'));
  scratch.push(dir);
  const root = path.join(dir, 'content');
  for (const sub of ['articles', 'people', 'sources']) await mkdir(path.join(root, sub), { recursive: true });
  const run = await importAll([path.join(CASES, name)], root, options);
  const outcome = run.outcomes[0]!;
  expect(outcome.status, outcome.reason).toBe('imported');
  const body = splitFrontmatter(await readFile(outcome.article!, 'utf8'))!.body;
  return { body, report: formatSummary(run, { dryRun: false }) };
}

/** The paragraphs of a Markdown body, in order. */
const paragraphs = (body: string) => body.split(/\n\s*\n/).map((p) => p.trim());

describe('paragraph-that-is-a-link: every paragraph of the story is kept', () => {
  test('the reported page: the paragraph marked up as one link, in its place, and the report says so', async () => {
    const { body, report } = await importPage('paragraph-that-is-a-link/court.html');
    const ps = paragraphs(body);
    const friday = ps.findIndex((p) => p.includes('On Friday September 27, John Musgrave, 54'));
    expect(friday).toBeGreaterThan(0);
    expect(ps[friday]).toContain('all denied the charge of murder.');
    expect(ps[friday]).toContain(
      'https://www.harbourmail.example/news/crime/live-updates-seven-men-appear-court-637633',
    );
    expect(ps[friday - 1]).toContain('died in hospital two days later.');
    expect(ps[friday + 1]).toContain('On Saturday September 28');
    expect(report).toContain("kept 1 paragraph the extractor had left out between the article's paragraphs");
  });

  test('a sentence made of links, in the same wrapper as the paragraphs around it', async () => {
    const { body } = await importPage('paragraph-that-is-a-link/sentence-of-links.html');
    const ps = paragraphs(body);
    const i = ps.findIndex((p) =>
      p
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .includes('Earlier reports on the tower found failures in every fire test since 2017.'),
    );
    expect(i).toBe(1);
    expect(ps[i + 1]).toContain('The chair of the inquiry');
  });
});

describe('embedded-posts: linked post cards keep their text, author and link', () => {
  test('the reported page: the Twitter blockquote and the linked tweet card', async () => {
    const { body } = await importPage('embedded-posts/tweets.html');
    expect(body).toContain('I have decided not to seek a third term as mayor');
    const ps = paragraphs(body);
    const card = ps.findIndex((p) => p.includes('Mayor Ortiz has given this city eight years of hard work.'));
    expect(ps[card - 1]).toContain('replied within minutes.');
    expect(ps[card]).toMatch(/^> /);
    expect(ps[card]).toContain('Dev Patel @DevPatelCouncil');
    expect(ps[card]).toContain('(https://twitter.com/DevPatelCouncil/status/1501915555555555555)');
    expect(ps[card + 1]).toContain('Ortiz, 61, was first elected');
  });

  test("cards of Mastodon and Bluesky posts are quoted as posts, not printed as the article's own words", async () => {
    const { body } = await importPage('embedded-posts/other-networks.html');
    const ps = paragraphs(body);
    for (const said of ['The strike is off.', 'Good news for everyone who relies on the ferries.']) {
      const quote = ps.find((p) => p.includes(said))!;
      expect(quote).toMatch(/^> /);
      expect(quote).toMatch(/\n>\n> — (?:Estuary Crews Union|Harbour Council) @/);
    }
    expect(body).toContain('The strike is off. Members will vote on the new offer next week');
    expect(body).toContain('Estuary Crews Union');
    expect(body).toContain('(https://mastodon.social/@EstuaryCrews/112233445566778899)');
    expect(body).toContain('Thanks to both sides for reaching an agreement.');
    expect(body).toContain('(https://bsky.app/profile/harbourcouncil.bsky.social/post/3kq2abcdxyz2x)');
  });

  test('post addresses are told from other links', () => {
    for (const yes of [
      'https://x.com/someone/status/1501915555555555555',
      'https://twitter.com/a_b/status/1',
      'https://mastodon.social/@someone/112233445566778899',
      'https://bsky.app/profile/a.bsky.social/post/3kq2abc',
      'https://www.instagram.com/p/C1abcDEF/',
      'https://www.threads.net/@someone/post/C1abc',
      'https://www.reddit.com/r/news/comments/abc123/title/',
    ])
      expect(isPostAddress(yes), yes).toBe(true);
    for (const no of [
      'https://estuarypost.example/news/other-story',
      'https://twitter.com/someone',
      '/news/x',
      'https://bsky.app/',
    ])
      expect(isPostAddress(no), no).toBe(false);
  });
});

describe('prose dropped between kept paragraphs', () => {
  const prose = (n: number) =>
    `Paragraph ${n} tells the reader what happened at the harbour on Monday, and who said what about it afterwards.`;
  /** Marks a page's blocks, then "extracts" it by removing the elements matching `drop`; returns what comes back. */
  function roundTrip(body: string, drop: string) {
    const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
    const before = markBlocks(document);
    for (const el of document.querySelectorAll(drop)) el.remove();
    return restoreDroppedProse(before, document.body.innerHTML);
  }

  test('a paragraph shaped like its neighbours comes back in its place', () => {
    const page = `<div class="p">${prose(1)}</div><div class="p" id="gone"><a href="/x">${prose(2)}</a></div><div class="p">${prose(3)}</div>`;
    const { html, restored } = roundTrip(page, '#gone');
    expect(restored).toEqual([prose(2)]);
    const text = parseHTML(`<div>${html}</div>`).document.querySelector('div')!.textContent;
    expect(text.indexOf(prose(2))).toBeGreaterThan(text.indexOf(prose(1)));
    expect(text.indexOf(prose(2))).toBeLessThan(text.indexOf(prose(3)));
    expect(html).not.toContain('data-archive-block');
    expect(html).not.toContain('id="gone"');
  });

  test('pull quotes, teaser cards, boxes with a heading and asides stay out and are reported; hidden text, labels and text still there are not', () => {
    const reported: [string, string][] = [
      [`<p>${prose(1)}</p><div class="pullquote" id="gone"><p>“${prose(9)}”</p></div><p>${prose(3)}</p>`, 'pull quote'],
      [
        `<p>${prose(1)}</p><p id="gone"><a href="/other"><span>Other story</span><div>${prose(8)}</div></a></p><p>${prose(3)}</p>`,
        'teaser card',
      ],
      [
        `<div class="p">${prose(1)}</div><div class="p" id="gone"><h3>Related</h3><p>${prose(7)}</p></div><div class="p">${prose(3)}</div>`,
        'box with heading',
      ],
      [`<p>${prose(1)}</p><aside id="gone"><p>${prose(6)}</p></aside><p>${prose(3)}</p>`, 'aside'],
    ];
    for (const [page, what] of reported) {
      const { restored, leftOut } = roundTrip(page, '#gone');
      expect(restored, what).toEqual([]);
      expect(leftOut, what).toHaveLength(1);
    }
    const silent: [string, string][] = [
      [`<p>${prose(1)}</p><p id="gone" style="display:none">${prose(2)}</p><p>${prose(3)}</p>`, 'hidden'],
      [`<p>${prose(1)}</p><p id="gone"><a href="/x">Advertisement</a></p><p>${prose(3)}</p>`, 'label'],
      [`<p>${prose(1)}</p><form id="gone"><p>${prose(4)}</p></form><p>${prose(3)}</p>`, 'form'],
      [`<p id="gone">${prose(1)}</p><p>${prose(2)}</p><p>${prose(3)}</p>`, 'before the first kept paragraph'],
    ];
    for (const [page, what] of silent)
      expect(roundTrip(page, '#gone'), what).toMatchObject({ restored: [], leftOut: [] });
  });
});
