// `npm run audit [DIST]`: Lighthouse (Performance, Accessibility, Best Practices, SEO) on the home
// page, an article and the search page of the built site, served on 127.0.0.1 under the base path
// it was built for, in Debian's Chromium. A build whose pages ask for files the server does not
// have is refused, not scored.
import { existsSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, executablePath } from '../bench/chromium.ts';
import { serve } from '../bench/serve.ts';
import { builtBase, missingFiles } from '../bench/served-build.ts';
import { listFiles } from '../src/content/files.ts';

const DIST = process.argv[2] ?? 'dist';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

if (!existsSync(`${DIST}/index.html`)) {
  console.error(`No built site in ${DIST}/: run npm run build first.`);
  process.exit(1);
}
const base = await builtBase(DIST);
if (!base) {
  console.error(
    `${DIST}/index.html names no canonical address, so the base path it was built for is unknown: build it again with npm run build.`,
  );
  process.exit(1);
}
const articles = await listFiles(`${DIST}/articles`);
const firstArticle = articles.find((f) => f.endsWith('index.html'))!.replace(/index\.html$/, '');
const pages: [string, string][] = [
  ['home', base],
  ['article', `${base}articles/${firstArticle}`],
  ['search', `${base}search/?q=judges`],
];

// Served under the base path the site was built for, as its host will serve it: a build for
// /archive/ served at / loads no stylesheet or script, and its scores would mean nothing.
const server = await serve(DIST, base);
const { origin } = server;
const missing = await missingFiles(
  origin,
  pages.map(([, p]) => p),
);
if (missing.length > 0) {
  await server.close();
  console.error(
    `Not audited: served at ${origin}${base}, the built pages ask for files that are not there, so the scores would mean nothing:\n${missing.map((m) => `  ${m}`).join('\n')}\nBuild the site again (npm run build) and audit that build.`,
  );
  process.exit(1);
}
console.log(`Auditing ${DIST}/ served at ${origin}${base} (the base path it was built for).`);
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
