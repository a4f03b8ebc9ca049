import { describe, expect, test } from 'vitest';
import { siteAndBase, siteFlagProblem } from '../../src/build/site-address.ts';
import { setting, siteAddressProblem } from '../../src/content/settings.ts';

// The rules behind the build's site address: what counts as one, what a path in it means, and
// when the path and the base path cannot both be meant. Expected answers are written out by hand.

describe('a path in the site address is the base path', () => {
  test.each([
    ['https://x.example.org/sub/', '/', 'https://x.example.org', '/sub/'],
    ['https://x.example.org/sub', '/', 'https://x.example.org', '/sub/'],
    ['https://x.example.org/a/b/', '', 'https://x.example.org', '/a/b/'],
    ['https://x.example.org/sub/', '/sub', 'https://x.example.org', '/sub/'],
    ['https://x.example.org:8443/sub/', '/sub/', 'https://x.example.org:8443', '/sub/'],
    ['https://x.example.org/', '/archive/', 'https://x.example.org/', '/archive/'],
    ['https://x.example.org', '/', 'https://x.example.org', '/'],
  ])('site %s with base %j: site %s, base %s', (site, base, wantSite, wantBase) => {
    const settled = siteAndBase(site, base);
    expect(settled.site).toBe(wantSite);
    expect(settled.base).toBe(wantBase);
    // Said in the log only when the path was taken as the base path.
    expect(settled.note !== undefined).toBe(wantBase !== '/' && (base === '' || base === '/'));
  });

  test.each([
    ['https://x.example.org/sub/', '/archive/'],
    ['https://x.example.org/a/b', '/a/'],
  ])('site %s with base %s is refused, naming both and the fixes', (site, base) => {
    expect(() => siteAndBase(site, base)).toThrow(
      /has the path \/.+\/, but the base path is \/.+\/.*--site https:\/\/x\.example\.org --base/,
    );
  });
});

describe('a site address that is not one', () => {
  test.each([
    ['example.org', 'ARCHIVE_SITE', 'ARCHIVE_SITE=https://example.org'],
    ['example.org/news/', 'ARCHIVE_SITE', 'ARCHIVE_SITE=https://example.org/news/'],
    ['localhost:4321', '--site', '--site https://archive.example.org'],
    ['ftp://example.org', 'ARCHIVE_SITE', 'ARCHIVE_SITE=https://archive.example.org'],
    ['https://', '--site', '--site https://archive.example.org'],
    ['//example.org', '--site', '--site https://archive.example.org'],
  ])('%j given as %s is refused with the fix %s', (value, name, fix) => {
    const problem = siteAddressProblem(value, name);
    expect(problem).toContain(`${name} is ${JSON.stringify(value)}, which is not a web address`);
    expect(problem).toContain(fix);
  });

  test.each(['https://example.org', 'http://127.0.0.1:4321', 'https://example.org/archive/'])('%s is fine', (value) => {
    expect(siteAddressProblem(value, 'ARCHIVE_SITE')).toBeUndefined();
  });

  test('the flag is looked at in both its forms; ARCHIVE_SITE with the other settings', () => {
    expect(siteFlagProblem(['node', 'astro', 'build', '--site', 'example.org'])).toContain('--site is "example.org"');
    expect(siteFlagProblem(['node', 'astro', 'build', '--site=example.org'])).toContain('--site is "example.org"');
    expect(siteFlagProblem(['--site', 'https://ok.example.org'])).toBeUndefined();
    expect(siteFlagProblem(['build'])).toBeUndefined();
    expect(() => setting('ARCHIVE_SITE', { ARCHIVE_SITE: 'example.org' })).toThrow('ARCHIVE_SITE is "example.org"');
    expect(setting('ARCHIVE_SITE', { ARCHIVE_SITE: 'https://ok.example.org' })).toBe('https://ok.example.org');
    expect(setting('ARCHIVE_SITE', { ARCHIVE_SITE: '' })).toBeUndefined();
  });
});
