import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../helpers/build.ts';
import { launchChromium } from '../helpers/browser.ts';
import { TMP } from '../helpers/paths.ts';
import { vnuErrors } from '../helpers/vnu.ts';

// Case control-characters-in-feed, built: the case's articles and one that holds every character
// XML 1.0 or HTML forbids, in every kind of field (headline, standfirst, byline, topics, a
// person's and a source's name, an editor's note, an earlier version's headline, the body, raw
// and as character references), with a capture that holds them too. Every XML file the build
// writes is parsed by Chromium's XML parser (strict about characters, as feed readers are), and
// no page, feed or data file holds such a character. The oracle (the Char production of XML 1.0,
// Fifth Edition, 2.2, and WHATWG HTML's parse errors) shares no code with the site.

const CASE = path.resolve('tests/fixtures/cases/control-characters-in-feed');
const CONTENT = path.join(TMP, 'controls-content');
const DIST = path.join(TMP, 'dist-controls');

/** Whether XML 1.0 and HTML both allow a code point in text. */
function allowed(cp: number): boolean {
  const xml =
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff);
  const htmlControl = (cp <= 0x1f && ![0x9, 0xa, 0xc, 0xd].includes(cp)) || (cp >= 0x7f && cp <= 0x9f);
  const noncharacter = (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
  return xml && !htmlControl && !noncharacter;
}

const FORBIDDEN: number[] = [];
for (let cp = 0; cp <= 0x10ffff; cp++) if (!allowed(cp)) FORBIDDEN.push(cp);
/** The forbidden code points a UTF-8 file can hold (all but the surrogates). */
const ENCODABLE = FORBIDDEN.filter((cp) => cp < 0xd800 || cp > 0xdfff);

/** The forbidden code points in a text, as U+XXXX. */
function forbiddenIn(text: string): string[] {
  return [...text].flatMap((c) => {
    const cp = c.codePointAt(0)!;
    return allowed(cp) && !(cp >= 0xd800 && cp <= 0xdfff) ? [] : [`U+${cp.toString(16).toUpperCase()}`];
  });
}

/** A YAML double-quoted escape of a code point. */
const esc = (cp: number) =>
  cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
/** Every forbidden code point as YAML escapes, apart so no two surrogates pair up. */
const ALL_ESCAPED = FORBIDDEN.map(esc).join(' ');

/** Every file of the build, relative to it. */
async function filesOf(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

let browser: Browser | undefined;
let files: string[] = [];
let buildOutput = '';

beforeAll(async () => {
  await rm(CONTENT, { recursive: true, force: true });
  await cp(path.join(CASE, 'content'), CONTENT, { recursive: true });
  const capture = await readFile(path.join(CASE, 'capture/pasted.html'));
  await mkdir(path.join(CONTENT, 'captures/2024/05'), { recursive: true });
  await writeFile(path.join(CONTENT, 'captures/2024/05/pasted.html'), capture);
  await mkdir(path.join(CONTENT, 'people'), { recursive: true });
  await writeFile(
    path.join(CONTENT, 'people/sam-lee.yaml'),
    `name: "Sam\\u001F Lee"\naliases: ["S.\\u0010 Lee"]\ndescription: "A reporter\\u000B who covers the council."\n`,
  );
  await writeFile(
    path.join(CONTENT, 'sources/other-planet.yaml'),
    `name: "Other\\u0085Planet\\uFFFF"\nhomepage: https://other.example.org/\n`,
  );
  const refs = FORBIDDEN.map((cp) => `&#x${cp.toString(16)};`).join(' ');
  const front = (title: string, captured: string, extra: string[] = []) =>
    [
      '---',
      `title: "${title}"`,
      `dek: "Every forbidden character: ${ALL_ESCAPED}"`,
      'source: other-planet',
      'url: https://other.example.org/2024/05/levy',
      'published: 2024-05-02',
      `captured: ${captured}`,
      `authors: ["Ana\\u000B Ruiz", "Sam\\u001F Lee", { name: "Planet\\u0007 Desk", organization: true }]`,
      ...extra,
      '---',
      '',
    ].join('\n');
  await mkdir(path.join(CONTENT, 'versions/2024/05/levy'), { recursive: true });
  await writeFile(
    path.join(CONTENT, 'versions/2024/05/levy/20240503.md'),
    `${front('Levy\\u001Fvote delayed\\uD800', '2024-05-03')}An earlier text\u0001 of the story.\n`,
  );
  await writeFile(
    path.join(CONTENT, 'articles/2024/05/levy.md'),
    front('Levy vote\\u001Fput off again', '2024-05-04', [
      `capture: 2024/05/pasted.html`,
      `captureSha256: ${createHash('sha256').update(capture).digest('hex')}`,
      'people: [{ id: sam-lee, role: "reporter\\u0008" }]',
      'topics: ["budget\\u0000", "levy\\u001C"]',
      'editorsNote: "Checked against the print edition\\u0092s text."',
    ]) +
      `The council delayed\u001F its vote: ${ENCODABLE.map((cp) => String.fromCodePoint(cp)).join('')}.\n\n` +
      `Written as references: ${refs}\n\n<p title="x&#x1F;y">Raw HTML with references: ${refs}</p>\n`,
  );
  const result = await astroBuild(CONTENT, DIST, { ARCHIVE_SITE: 'https://archive.example.org' });
  buildOutput = result.output;
  if (result.code !== 0) throw new Error(`build failed:\n${result.output}`);
  files = await filesOf(DIST);
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe('every XML the build writes is well-formed', () => {
  test('the build writes the feeds and the sitemap', () => {
    const xml = files.filter((f) => f.endsWith('.xml') || f.endsWith('.svg'));
    expect(xml).toEqual(expect.arrayContaining(['rss.xml', 'changes.xml', 'sitemap-index.xml', 'sitemap-0.xml']));
  });

  test('Chromium’s XML parser reads each of them without an error', async () => {
    const tab = await browser!.newPage();
    for (const file of files.filter((f) => /\.(xml|svg|xsl|rss|atom)$/.test(f))) {
      const text = await readFile(path.join(DIST, file), 'utf8');
      const error = await tab.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return doc.querySelector('parsererror')?.textContent ?? null;
      }, text);
      expect(error, file).toBeNull();
    }
    await tab.close();
  }, 60_000);

  test('the feeds carry the headlines and standfirsts without the characters', async () => {
    const rss = await readFile(path.join(DIST, 'rss.xml'), 'utf8');
    expect(rss).toContain('<title>Budget vote delayed again</title>');
    expect(rss).toContain('<title>Levy vote put off again</title>');
    expect(rss).toContain('<dc:creator>Ana Ruiz</dc:creator>');
    expect(rss).toContain('<dc:creator>Sam Lee</dc:creator>');
    const changes = await readFile(path.join(DIST, 'changes.xml'), 'utf8');
    expect(changes).toContain('Headline changed: Levy vote put off again');
    expect(changes).toContain('The headline was “Levy vote delayed');
  });
});

describe('no page or file holds a character XML or HTML forbids', () => {
  test('pages, feeds, JSON and text files; the kept capture alone keeps its bytes', async () => {
    const found: string[] = [];
    const verbatim = (f: string) => f.startsWith(`captures${path.sep}`);
    expect(await readFile(path.join(DIST, 'captures/2024/05/pasted.html.txt'))).toEqual(
      await readFile(path.join(CASE, 'capture/pasted.html')),
    );
    for (const file of files.filter((f) => /\.(html|xml|json|txt|svg|webmanifest)$/.test(f) && !verbatim(f))) {
      const bad = forbiddenIn(await readFile(path.join(DIST, file), 'utf8'));
      if (bad.length) found.push(`${file}: ${bad.slice(0, 5).join(' ')}`);
    }
    expect(found).toEqual([]);
  }, 60_000);

  test('the Nu HTML Checker accepts the article, its version, its capture and the person', () => {
    const pages = [
      'articles/2024/05/levy/index.html',
      'articles/2024/05/pasted/index.html',
      'articles/2024/05/levy/versions/20240503/index.html',
      'articles/2024/05/levy/versions/20240504/changes/index.html',
      'capture/2024/05/pasted.html/index.html',
      'people/sam-lee/index.html',
    ].map((p) => path.join(DIST, p));
    expect(vnuErrors(pages)).toEqual([]);
  }, 120_000);

  test('the build says where the characters are', () => {
    expect(buildOutput).toMatch(/note: .*pasted\.md: title: holds an invisible control character, U\+001F/);
  });
});
