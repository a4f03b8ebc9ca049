// `npm run audit`: Lighthouse (Performance, Accessibility, Best Practices, SEO) on the home page,
// an article and the search page of the built site, served on 127.0.0.1, in Debian's Chromium.
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, executablePath } from '../bench/chromium.ts';
import { serve } from '../bench/serve.ts';
import { listFiles } from '../src/content/files.ts';

const DIST = process.argv[2] ?? 'dist';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

if (!existsSync(`${DIST}/index.html`)) {
  console.error(`No built site in ${DIST}/: run npm run build first.`);
  process.exit(1);
}
const articles = await listFiles(`${DIST}/articles`);
const firstArticle = articles.find((f) => f.endsWith('index.html'))!.replace(/index\.html$/, '');
const pages: [string, string][] = [
  ['home', '/'],
  ['article', `/articles/${firstArticle}`],
  ['search', '/search/?q=judges'],
];

const server = await serve(DIST);
const { origin } = server;
const chrome = await chromeLauncher.launch({
  chromePath: executablePath,
  chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
});
console.log(`| page | ${CATEGORIES.join(' | ')} |\n| --- | --- | --- | --- | --- |`);
try {
  for (const [name, path] of pages) {
    const result = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    const scores = CATEGORIES.map((c) => Math.round((result?.lhr.categories[c]?.score ?? 0) * 100));
    console.log(`| ${name} | ${scores.join(' | ')} |`);
    const failing = Object.values(result?.lhr.audits ?? {}).filter(
      (a) =>
        a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual',
    );
    for (const a of failing) console.log(`  ${name}: ${a.id} (${a.score}) ${a.displayValue ?? ''}`);
  }
} finally {
  chrome.kill();
  await server.close();
}
