import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from 'vitest';
import { htmlFiles, page as parsed } from '../helpers/dist.ts';
import { DIST_ROOT } from '../helpers/paths.ts';
import { servedSite } from '../helpers/site.ts';
import { noIncidents, visit, watch } from '../helpers/watch.ts';

// The Content-Security-Policy: in every page and in _headers, strict, and search still works
// under it; no page loads anything from another origin.

const ctx = servedSite(DIST_ROOT);

const REQUIRED = ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "img-src 'self'", "style-src 'self'"];

test('every page carries a strict policy; _headers carries the same for hosts that read it', async () => {
  for (const file of await htmlFiles(DIST_ROOT)) {
    const policy =
      (await parsed(DIST_ROOT, file))
        .querySelector('meta[http-equiv="content-security-policy"]')
        ?.getAttribute('content') ?? '';
    for (const directive of REQUIRED) expect({ file, has: policy.includes(directive) }).toEqual({ file, has: true });
    const scripts = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
    expect(scripts).toMatch(/^'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*$/);
    expect(policy).not.toContain('unsafe-inline');
  }
  const headers = await readFile(path.join(DIST_ROOT, '_headers'), 'utf8');
  expect(headers).toMatch(
    /^\/\*\n {2}Content-Security-Policy: default-src 'self';.*script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; frame-ancestors 'none'\n/,
  );
});

test('no page reports a CSP violation or requests anything from another origin, and search works', async () => {
  const page = await ctx.browser.newPage();
  const seen = await watch(page, ctx.site.origin);
  const files = await htmlFiles(DIST_ROOT);
  for (const file of files) await visit(page, ctx.site.origin + file.replace(/index\.html$/, ''), seen);
  await visit(page, `${ctx.site.origin}/search/?q=Tabaddor&person=Jeff%20Sessions&sort=newest`, seen);
  await expect
    .poll(() => page.locator('#search-results h2').allTextContents())
    .toEqual(['Immigration judges hit back at Sessions for suggesting they show too much sympathy']);
  await page.close();
  expect(files.length).toBeGreaterThan(40);
  expect(seen).toEqual(noIncidents());
  // Every page of the fixture archive is opened in turn (over 150): heavy work with its own limit.
}, 600_000);
