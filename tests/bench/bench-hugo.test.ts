import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { HUGO_MISSING, hugoVersion, type Comparison } from '../../bench/hugo-compare.ts';
import { writeHugoSite } from '../../bench/hugo-site.ts';
import { HOSTILE_ARTICLE, HOSTILE_ARTICLE_PATH } from '../fixtures/hugo-front-matter.ts';
import { TMP } from '../helpers/paths.ts';

// The comparison with Hugo and the Pagefind CLI (npm run bench:hugo) end to end at a tiny size,
// and Hugo's reading of the converted front matter. Both need Debian's `hugo`; without it they
// are skipped, saying so.

const HUGO = hugoVersion();
const NEEDS = HUGO ? '' : ` (skipped: ${HUGO_MISSING})`;
if (!HUGO) console.warn(`tests/bench/bench-hugo.test.ts: skipped, ${HUGO_MISSING}`);

/** The text of every element a selector matches. */
const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((e) => e.textContent);

test.skipIf(!HUGO)(
  `Hugo renders hostile front matter values as the corpus gives them${NEEDS}`,
  async () => {
    const corpus = path.join(TMP, 'hugo-hostile', 'corpus');
    const site = path.join(TMP, 'hugo-hostile', 'site');
    await rm(path.dirname(corpus), { recursive: true, force: true });
    const people = { on: { name: 'No', description: 'A: colon' }, 'ana-ruiz-2': { name: 'Ana Ruiz' } };
    for (const folder of ['articles/2005/03', 'people', 'sources'])
      await mkdir(path.join(corpus, folder), { recursive: true });
    await writeFile(path.join(corpus, 'articles', HOSTILE_ARTICLE_PATH), HOSTILE_ARTICLE);
    for (const [id, p] of Object.entries(people))
      await writeFile(path.join(corpus, 'people', `${id}.yaml`), JSON.stringify(p));
    await writeFile(path.join(corpus, 'sources', 'the-harbor-ledger.yaml'), 'name: "Off: The Ledger"\n');
    await writeHugoSite(corpus, site);
    const run = spawnSync('hugo', ['--source', site, '--cacheDir', path.join(site, 'cache')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);

    const front = parse(/^---\n([\s\S]*?)\n---\n/.exec(HOSTILE_ARTICLE)![1]!) as {
      title: string;
      dek: string;
      published: string;
      authors: string[];
      people: string[];
      topics: string[];
    };
    const page = HOSTILE_ARTICLE_PATH.replace(/\.md$/, '/index.html');
    const { document } = parseHTML(await readFile(path.join(site, 'public', 'articles', page), 'utf8'));
    expect(texts(document, 'h1')).toEqual([front.title]);
    expect(texts(document, '.dek')).toEqual([front.dek]);
    expect(texts(document, '[data-pagefind-filter="author"]')).toEqual(front.authors);
    expect(texts(document, '[data-pagefind-filter="person"]')).toEqual(
      front.people.map((id) => people[id as keyof typeof people].name),
    );
    expect(texts(document, '[data-pagefind-filter="source"]')).toEqual(['Off: The Ledger']);
    expect(document.querySelector('time')?.getAttribute('datetime')).toBe(front.published);
    expect(document.querySelectorAll('[data-pagefind-filter="topic"]')).toHaveLength(front.topics.length);
  },
  60_000,
);

test.skipIf(!HUGO)(
  `npm run bench:hugo at 50 articles prints both sides' figures and writes them as JSON${NEEDS}`,
  async () => {
    const dir = path.join(TMP, 'bench-hugo');
    await rm(dir, { recursive: true, force: true });
    const run = spawnSync(
      process.execPath,
      ['scripts/bench-hugo.ts', '--articles', '50', '--people', '25', '--rounds', '1', '--dir', dir],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('| cold build, CPU (user+sys) |');
    expect(run.stdout).toMatch(/round 1 \(archive first; load [\d. ]+ at start, [\d. ]+ at end\)/);
    const result = JSON.parse(await readFile(path.join(dir, 'hugo-compare-50.json'), 'utf8')) as Comparison;
    expect(result.articles).toBe(50);
    expect(result.rounds).toHaveLength(1);
    const [round] = result.rounds;
    for (const cost of [round!.archive.cold, round!.archive.edit, round!.hugo.cold, round!.hugo.edit]) {
      expect(cost.seconds).toBeGreaterThan(0);
      expect(cost.cpuSeconds).toBeGreaterThan(0);
      expect(cost.peakBytes).toBeGreaterThan(0);
    }
    // Hugo wrote a page for every article, and Pagefind indexed its output.
    const hugoPages = (await readdir(path.join(dir, 'hugo-50', 'public', 'articles'), { recursive: true })).filter(
      (f) => f.endsWith('index.html') && f.split('/').length === 4,
    );
    expect(hugoPages).toHaveLength(50);
    expect(
      (await readdir(path.join(dir, 'hugo-50', 'public', 'pagefind'))).some((f) => f.startsWith('pagefind-entry')),
    ).toBe(true);
    // The edited article was put back on both sides.
    const edits = spawnSync('grep', [
      '-rl',
      'An added paragraph',
      path.join(dir, 'corpus-50'),
      path.join(dir, 'hugo-50', 'content'),
    ]);
    expect(edits.stdout.toString()).toBe('');
  },
  600_000,
);
