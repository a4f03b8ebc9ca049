import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { convertCapture } from '../../src/import/import-one.ts';
import { importAll } from '../../src/import/run.ts';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { checkContent } from '../../src/content/check.ts';

// The saved pages users reported (tests/fixtures/import-cases/, one folder per kind of fault),
// imported into a scratch archive and checked for what a reader of the archive would see.

const CASES = path.resolve('tests/fixtures/import-cases');
const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

/** An empty content folder (articles/, people/, sources/), as the cases' README prescribes. */
async function emptyArchive(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'archive-cases-'));
  scratch.push(dir);
  const root = path.join(dir, 'content');
  for (const sub of ['articles', 'people', 'sources']) await mkdir(path.join(root, sub), { recursive: true });
  return root;
}

/** Imports files into a fresh archive; returns the run and each written article's frontmatter and body. */
async function importCase(files: string[], opts = options) {
  const root = await emptyArchive();
  const run = await importAll(
    files.map((f) => path.join(CASES, f)),
    root,
    opts,
  );
  const articles = await Promise.all(
    run.outcomes.map(async (o) => {
      if (!o.article) return undefined;
      const parts = splitFrontmatter(await readFile(o.article, 'utf8'))!;
      return { file: o.article, data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body };
    }),
  );
  return { root, run, articles };
}

describe('paywall-class-on-body: no container is removed for a word in its class', () => {
  test('the story imports whole, with or without the class word, inside <article> or not', async () => {
    const bodies: string[] = [];
    for (const page of ['control-no-paywall-class.html', 'metered.html', 'metered-in-article.html']) {
      const { run, articles } = await importCase([`paywall-class-on-body/${page}`]);
      expect(run.outcomes[0]!.reason).toBeUndefined();
      bodies.push(articles[0]!.body);
    }
    for (const body of bodies) {
      expect(body).toContain('The number of patients waiting more than a year for planned surgery fell');
      expect(body).toContain('keep its weekend sessions at least until the end of next year.');
      expect(body).toBe(bodies[0]);
    }
  });

  test('containers named like ads, promotions and forms keep the article inside them', async () => {
    const root = await emptyArchive();
    const inbox = path.join(path.dirname(root), 'inbox');
    await mkdir(inbox);
    const story = (await readFile(path.join(CASES, 'paywall-class-on-body/control-no-paywall-class.html'), 'utf8'))
      .replace('<div class="page">', '<form id="aspnetForm" action="./story.aspx" method="post"><div class="page">')
      .replace('</div>\n</body>', '</div></form>\n</body>')
      .replace('class="story"', 'class="m-advertisement-off-canvas--pusher category-health-promotion"');
    await writeFile(path.join(inbox, 'wrapped.html'), story);
    const run = await importAll([inbox], root, options);
    expect(run.outcomes[0]!.reason).toBeUndefined();
    const text = await readFile(run.outcomes[0]!.article!, 'utf8');
    expect(text).toContain('Waiting lists at the city');
    expect(text).toContain('Hip and knee operations saw the biggest fall.');
  });
});

describe('reader-comments', () => {
  test('only the story is imported, not the comment section under it', async () => {
    const { run, articles } = await importCase(['reader-comments/comments.html']);
    expect(run.outcomes[0]!.status).toBe('imported');
    const body = articles[0]!.body;
    expect(body).toContain('The central library will close on Sundays from November');
    expect(body).toContain('started a petition.');
    expect(body).not.toMatch(/What readers said|from the east side|short-sighted/);
  });
});

describe('entities-in-json-ld', () => {
  test('character references in JSON-LD are decoded, and the slug comes from the decoded title', async () => {
    const { run, articles } = await importCase(['entities-in-json-ld/jsonld-entities.html']);
    const { data, file } = articles[0]!;
    expect(run.outcomes[0]!.status).toBe('imported');
    expect(data.title).toBe('Q&A: the mayor’s budget explained'.replace('’', "'"));
    expect(data.dek).toBe('Where the money goes – and what it means for council tax');
    expect(data.authors).toEqual(["Liam O'Neill"]);
    expect(path.basename(file)).toBe('q-a-the-mayor-s-budget-explained.md');
  });
});

describe('lazy-and-amp-images', () => {
  test('the real image address is kept, with its alt text and caption', async () => {
    const { run, articles } = await importCase(['lazy-and-amp-images/lazy.html', 'lazy-and-amp-images/amp.html']);
    expect(run.counts.imported).toBe(2);
    const [lazy, amp] = articles;
    expect(lazy!.body).toMatch(/<img [^>]*src="https:\/\/planet\.example\.org\/img\/mill-1200\.jpg"/);
    expect(lazy!.body).toContain('alt="The restored mill at dusk"');
    expect(lazy!.body).toContain('The restored mill seen from the canal towpath.');
    expect(lazy!.body).not.toContain('data:image');
    expect(amp!.body).toMatch(/<img [^>]*src="https:\/\/planet\.example\.org\/img\/towpath\.jpg"/);
    expect(amp!.body).toContain('alt="A collapsed section of canal bank"');
    expect(amp!.body).toContain('The collapsed bank near Lock 14.');
  });
});

describe('subscriber-only-stub', () => {
  test('the prompt is removed, and the article is a draft that says only a teaser was captured', async () => {
    const { run, articles, root } = await importCase(['subscriber-only-stub/stub.html']);
    const o = run.outcomes[0]!;
    expect(o.status).toBe('imported');
    const { data, body } = articles[0]!;
    expect(body).toContain('hung on a series of late-night phone calls');
    expect(body).not.toMatch(/subscriber|Subscribe|Log in/);
    expect(data.draft).toBe(true);
    expect(String(data.editorsNote)).toMatch(/only the part .* shown to non-subscribers/i);
    expect(o.missing.join(' ')).toMatch(/partial capture/);
    expect((await checkContent(root)).problems).toEqual([]);
  });

  test('a page that declares paid access but carries the locked text whole is a complete capture', async () => {
    const root = await emptyArchive();
    const inbox = path.join(path.dirname(root), 'inbox');
    await mkdir(inbox);
    const full = (await readFile(path.join(CASES, 'subscriber-only-stub/stub.html'), 'utf8'))
      .replace(
        '<div class="locked-body"></div>',
        '<div class="locked-body"><p>The yard’s owners had warned in May that orders would run out by the autumn. Two cruise ferries were due to be finished by September, and no further work had been signed.</p><p>The agency agreed to guarantee part of the loan that the ferry operator needs to order three new vessels, the documents show.</p></div>',
      )
      .replace(/<div class="meter-wall">.*?<\/div>/s, '');
    await writeFile(path.join(inbox, 'full.html'), full);
    const run = await importAll([inbox], root, options);
    const text = await readFile(run.outcomes[0]!.article!, 'utf8');
    expect(text).toContain('three new vessels');
    expect(text).not.toMatch(/draft: true|editorsNote/);
  });
});

describe('date-with-offset', () => {
  test('a datePublished with an offset is filed on the day the original printed, offset kept', async () => {
    const { articles } = await importCase(['date-with-offset/nye.html']);
    const { file, data } = articles[0]!;
    expect(path.relative(path.dirname(path.dirname(path.dirname(file))), file)).toBe(
      path.join('2022', '12', 'fireworks-cancelled-as-winds-rise.md'),
    );
    expect(String(data.published)).toBe('2022-12-31T20:05:00-05:00');
  });
});

describe('an existing source is never overwritten', () => {
  test('a new publisher whose name slugs to a taken id gets a free id; the old file is untouched', async () => {
    const root = await emptyArchive();
    const old = 'name: Daily Planet (Metropolis)\nhomepage: https://metropolis-planet.example/\n';
    await writeFile(path.join(root, 'sources', 'daily-planet.yaml'), old);
    const run = await importAll([path.join(CASES, 'date-with-offset/nye.html')], root, options);
    expect(run.outcomes[0]!.status).toBe('imported');
    expect(await readFile(path.join(root, 'sources', 'daily-planet.yaml'), 'utf8')).toBe(old);
    expect(existsSync(path.join(root, 'sources', 'daily-planet-2.yaml'))).toBe(true);
    expect(await readFile(run.outcomes[0]!.article!, 'utf8')).toMatch(/\nsource: daily-planet-2\n/);
    expect((await checkContent(root)).problems).toEqual([]);
  });
});

describe('the lead image', () => {
  test('is shown once: not in the frontmatter when the body already has it as a figure', async () => {
    const root = await emptyArchive();
    const inbox = path.join(path.dirname(root), 'inbox');
    await mkdir(inbox);
    const page = (await readFile(path.join(CASES, 'lazy-and-amp-images/lazy.html'), 'utf8')).replace(
      '</head>',
      '<meta property="og:image" content="https://planet.example.org/img/mill-600x400.jpg?w=600"></head>',
    );
    await writeFile(path.join(inbox, 'lead.html'), page);
    const run = await importAll([inbox], root, options);
    const text = await readFile(run.outcomes[0]!.article!, 'utf8');
    expect(text).toContain('mill-1200.jpg');
    expect(text).not.toMatch(/^image:/m);
  });
});

describe('a description that repeats the first paragraph', () => {
  const page = (standfirst: boolean) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbor board delays vote</title>
<meta name="description" content="The harbor board postponed its vote on the cruise terminal on Monday."></head><body>
<article><header><h1>Harbor board delays vote</h1>${standfirst ? '<p class="standfirst">The harbor board postponed its vote on the cruise terminal on Monday.</p>' : ''}</header>
<div class="story-body">${standfirst ? '' : '<p>The harbor board postponed its vote on the cruise terminal on Monday.</p>'}
<p>Board members said they needed more time to study the effect on traffic and air quality in the neighborhoods along Front Street, and asked staff for an independent study.</p>
<p>The board scheduled a new hearing for November and asked for an estimate of the cost of shore power for the ships.</p></div></article></body></html>`;

  test('as the story’s lede stays in the text, and is not also the dek', () => {
    const capture = { path: 'x.html', bytes: Buffer.from(''), sha256: '', ext: '.html', html: true, charset: 'utf-8' };
    const lede = convertCapture({ ...capture, text: page(false) });
    expect(lede.body.text).toMatch(/^The harbor board postponed its vote/);
    expect(lede.meta.dek).toBeUndefined();
    const standfirst = convertCapture({ ...capture, text: page(true) });
    expect(standfirst.body.text).not.toContain('postponed its vote');
    expect(standfirst.meta.dek?.value).toBe('The harbor board postponed its vote on the cruise terminal on Monday.');
  });
});

test('a metered page with the whole article and a subscription prompt is a complete capture', async () => {
  const root = await emptyArchive();
  const inbox = path.join(path.dirname(root), 'inbox');
  await mkdir(inbox);
  const long = Array.from(
    { length: 20 },
    (_, i) =>
      `<p>Paragraph ${i + 1} of the full story: the yard’s owners, the banks and the agency each told their side of the talks, and the documents show what each of them gave up.</p>`,
  ).join('');
  const page = (await readFile(path.join(CASES, 'subscriber-only-stub/stub.html'), 'utf8'))
    .replace(/,"isAccessibleForFree":false,"hasPart":\{[^}]*\}/, '')
    .replace('<div class="locked-body"></div>', long);
  await writeFile(path.join(inbox, 'metered.html'), page);
  const run = await importAll([inbox], root, options);
  const text = await readFile(run.outcomes[0]!.article!, 'utf8');
  expect(text).toContain('Paragraph 20 of the full story');
  expect(text).not.toMatch(/This article is for subscribers|draft: true|editorsNote/);
});
