import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { formatSummary } from '../../src/import/report.ts';
import { measureArticle } from '../../src/import/extract.ts';
import { importAll } from '../../src/import/run.ts';

// A page is an index only when the extracted article holds no prose: a short story on a page
// full of links (menus, teaser lists, no date found) is still an article.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

async function inbox(files: Record<string, string>): Promise<{ root: string; dir: string }> {
  const base = await mkdtemp(path.join(tmpdir(), 'archive-index-'));
  scratch.push(base);
  const dir = path.join(base, 'inbox');
  await mkdir(dir);
  for (const [name, html] of Object.entries(files)) await writeFile(path.join(dir, name), html);
  return { root: path.join(base, 'content'), dir };
}

const menu = Array.from(
  { length: 80 },
  (_, i) => `<li><a href="/section/${i}">Section ${i}: the latest headlines and analysis from our desk</a></li>`,
).join('');
const teasers = Array.from(
  { length: 30 },
  (_, i) => `<li><a href="/story/${i}">Council approves plan number ${i} for the riverside after long debate</a></li>`,
).join('');

/** A short story (about 900 characters) on a page with about 9,000 characters of links and no date. */
const shortStory = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable changes | Harbour Times</title>
<link rel="canonical" href="https://harbour.example/ferry-timetable"></head><body>
<header><ul>${menu}</ul></header>
<main><h1>Ferry timetable changes</h1>
<p>The island ferry will run an hour later on weekday evenings from next month, the operator said on Thursday, after commuters asked for a service that fits the end of the working day in town.</p>
<p>The last sailing from the mainland will leave at 9.30pm instead of 8.30pm. Weekend sailings are unchanged, and fares will stay the same until at least the spring.</p>
<p>The operator said the change would be reviewed after three months, and that it was also looking at an earlier first sailing on Mondays for people who work early shifts at the hospital.</p>
</main><aside><h2>Most read</h2><ul>${teasers}</ul></aside><footer><ul>${menu}</ul></footer></body></html>`;

/** A section front: nothing but headline links. */
const sectionFront = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Politics | Harbour Times</title></head><body>
<header><ul>${menu}</ul></header><main><h1>Politics</h1><ul>${teasers}</ul></main></body></html>`;

test('a short article on a link-heavy page without a date is imported', async () => {
  const { root, dir } = await inbox({ 'ferry.html': shortStory });
  const run = await importAll([dir], root, options);
  expect(run.outcomes[0]!.reason).toBeUndefined();
  const text = await readFile(run.outcomes[0]!.article!, 'utf8');
  expect(text).toContain('The last sailing from the mainland will leave at 9.30pm');
  expect(text).not.toContain('Section 12');
});

test('an index page is refused with what was measured, and --force imports it anyway', async () => {
  const { root, dir } = await inbox({ 'politics.html': sectionFront });
  const run = await importAll([dir], root, options);
  const reason = run.outcomes[0]!.reason ?? '';
  expect(run.outcomes[0]!.status).toBe('failed');
  expect(reason).toMatch(/looks like an index page/);
  expect(reason).toMatch(/\d+ characters \(\d+% in links\)/);
  expect(reason).toMatch(/0 characters of prose in 0 paragraphs/);
  expect(reason).toMatch(/use --force to import it anyway/);
  const forced = await importAll([dir], root, { ...options, force: true });
  expect(forced.outcomes[0]!.status).toBe('imported');
});

test('a page drawn by script imports from its JSON-LD articleBody, and the report says so', async () => {
  const { root, dir } = await inbox({
    'app.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable changes</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry timetable changes","datePublished":"2024-02-01","url":"https://harbour.example/ferry","publisher":{"name":"Harbour Times"},
"articleBody":"The island ferry will run an hour later on weekday evenings from next month, the operator said on Thursday.\\n\\nThe last sailing from the mainland will leave at 9.30pm instead of 8.30pm, and weekend sailings are unchanged."}</script>
<script type="application/ld+json">{"@type": "BreadcrumbList", broken}</script></head>
<body><div id="root"></div><script src="/app.js"></script></body></html>`,
  });
  const run = await importAll([dir], root, options);
  const o = run.outcomes[0]!;
  expect(o.status).toBe('imported');
  expect(await readFile(o.article!, 'utf8')).toContain(
    'The island ferry will run an hour later on weekday evenings from next month, the operator said on Thursday.\n\nThe last sailing',
  );
  const report = formatSummary(run, { dryRun: false });
  expect(report).toMatch(/note: the page shows no article text .* the text is the JSON-LD articleBody/);
  expect(report).toMatch(/could not read: JSON-LD block 2 could not be read/);
});

test('prose is measured in any script and in any block: Japanese text and a <pre> article are articles', () => {
  const japanese = measureArticle(
    `<div><p>${'昔々、ある所にお爺さんとお婆さんが住んでいました。'.repeat(10)}</p></div>`,
  );
  expect(japanese.prose).toBeGreaterThanOrEqual(200);
  const plain = measureArticle(`<pre>${'Network Working Group. This memo describes a protocol. '.repeat(10)}</pre>`);
  expect(plain.prose).toBeGreaterThanOrEqual(200);
  const links = measureArticle(
    `<ul>${'<li><a href="/x">A headline that is only a link to a story</a></li>'.repeat(20)}</ul>`,
  );
  expect(links.prose).toBe(0);
});

test('the article inside a wrapper Readability first sets aside is not lost to a short block elsewhere', async () => {
  const story = Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Paragraph ${i + 1}: the island ferry will run an hour later on weekday evenings from next month, the operator said, after commuters asked for a service that fits the working day.</p>`,
  ).join('');
  const { root, dir } = await inbox({
    'print.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry timetable changes</title></head><body>
<div class="extra-wrap"><h1>Ferry timetable changes</h1>${story}</div>
<div class="page-note"><p>This page was printed from the Harbour Times website. Visit it for local news and headlines posted throughout the day, every day, from the harbour and the islands around it.</p><p>Copyright Harbour Times Ltd. All rights reserved. Any information published on this website is not intended as a substitute for advice.</p></div>
</body></html>`,
  });
  const run = await importAll([dir], root, options);
  const text = await readFile(run.outcomes[0]!.article!, 'utf8');
  expect(text).toContain('Paragraph 1: the island ferry');
  expect(text).toContain('Paragraph 8: the island ferry');
});
