import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { getRssString } from '@astrojs/rss';
import { XMLValidator } from 'fast-xml-parser';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContent } from '../../src/content/check.ts';
import { splitFrontmatter } from '../../src/content/files.ts';
import { importAll } from '../../src/import/run.ts';
import { markdownOptions } from '../../src/render/pipeline.ts';
import { feedText, xmlText } from '../../src/site/xml.ts';
import { viewCapture } from '../../src/site/capture-view.ts';

// Case control-characters-in-feed: a control character in a headline or standfirst, typed or
// imported, made rss.xml ill-formed. The oracle is written from the specifications, sharing no
// code with the site: XML 1.0 (Fifth Edition) section 2.2's Char production, and WHATWG HTML's
// parse errors for controls, surrogates and noncharacters. The build test
// (tests/build/control-characters.test.ts) parses the built feeds with Chromium's XML parser.

const CASE = path.resolve('tests/fixtures/cases/control-characters-in-feed');

/** XML 1.0 Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
function xmlAllows(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** WHATWG HTML: a control other than ASCII whitespace (C0, DEL, C1), or a noncharacter, is a parse error. */
function htmlAllows(cp: number): boolean {
  const control = cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
  const whitespace = cp === 0x9 || cp === 0xa || cp === 0xc || cp === 0xd || cp === 0x20;
  const noncharacter = (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
  const surrogate = cp >= 0xd800 && cp <= 0xdfff;
  return !(control && !whitespace) && !noncharacter && !surrogate;
}

/** Every code point XML 1.0 or HTML refuses. */
const FORBIDDEN: number[] = [];
for (let cp = 0; cp <= 0x10ffff; cp++) if (!xmlAllows(cp) || !htmlAllows(cp)) FORBIDDEN.push(cp);

/** The code points of a string (lone surrogates included) that XML 1.0 or HTML refuses. */
function forbiddenIn(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!xmlAllows(cp) || !htmlAllows(cp)) found.push(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return found;
}

const scratch: string[] = [];
afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

test('the oracle covers every kind: C0 but tab, LF and CR; DEL and C1; lone surrogates; noncharacters', () => {
  expect(FORBIDDEN.length).toBe(29 + 1 + 32 + 2048 + 66);
  expect(forbiddenIn('a\u001Fb\u000B\u0010\uD800\uFFFE\u{10FFFF}\t\n\r')).toEqual([
    'U+001F',
    'U+000B',
    'U+0010',
    'U+D800',
    'U+FFFE',
    'U+10FFFF',
  ]);
});

describe('feeds', () => {
  test('an RSS feed with every forbidden code point in titles, descriptions and categories is well-formed', async () => {
    const items = FORBIDDEN.map((cp) => {
      const c = String.fromCodePoint(cp);
      return {
        title: feedText(`Budget vote${c}delayed again`),
        description: feedText(`Council members disagree over the ${c} transit levy`),
        categories: [feedText(`budget${c}`)],
        link: `/articles/${cp}/`,
        customData: `<dc:creator>${xmlText(`Sam${c} Lee`)}</dc:creator>`,
      };
    });
    const xml = await getRssString({
      title: 'Feed',
      description: 'Every forbidden code point',
      site: 'https://archive.example.org/',
      xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
      items,
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(forbiddenIn(xml)).toEqual([]);
    // The words on both sides of a separator stay apart; other controls leave no trace.
    expect(xml).toContain('<title>Budget vote delayed again</title>');
    expect(xml).toContain('<title>Budget votedelayed again</title>');
    expect(xml).not.toContain('&#');
  }, 30_000);

  test('xmlText escapes markup and quotes as well', () => {
    expect(xmlText('a <b> & "c"\u0001')).toBe('a &lt;b&gt; &amp; &quot;c&quot;');
  });
});

describe('the check tells the editor, and passes', () => {
  test('the case: the title, the standfirst and a body line, each with the character, where it is and the fix', async () => {
    const { problems, notes } = await checkContent(path.join(CASE, 'content'));
    expect(problems).toEqual([]);
    const byField = new Map(notes.map((n) => [`${path.basename(n.file)} ${n.field}`, n]));
    expect([...byField.keys()].sort()).toEqual(['ferry.md body (line 10)', 'pasted.md dek', 'pasted.md title']);
    expect(byField.get('pasted.md title')!.message).toContain('U+001F (INFORMATION SEPARATOR ONE) after “Budget vote”');
    expect(byField.get('pasted.md dek')!.message).toContain('U+0010 (DATA LINK ESCAPE)');
    expect(byField.get('pasted.md title')!.fix).toMatch(/^delete it: retype the words around it/);
    expect(byField.get('ferry.md body (line 10)')!.message).toMatch(
      /2 invisible control characters, U\+001F .*U\+0008/,
    );
    // The checked entries, which the search index reads, are without them.
    const { entries } = await checkContent(path.join(CASE, 'content'));
    const pasted = entries.articles.find((a) => a.id.endsWith('pasted'))!;
    expect(pasted.data.title).toBe('Budget vote delayed again');
    expect(forbiddenIn(pasted.data.dek!)).toEqual([]);
  });

  test('every field of articles, people and sources, and every forbidden code point, is noted', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'archive-controls-'));
    scratch.push(dir);
    const root = path.join(dir, 'content');
    for (const sub of ['articles/2024/05', 'people', 'sources']) await mkdir(path.join(root, sub), { recursive: true });
    const esc = (cp: number) =>
      cp > 0xffff ? `\\U${cp.toString(16).padStart(8, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
    // Apart, so no two escaped surrogates pair up into one valid character.
    const all = FORBIDDEN.map(esc).join('x');
    await writeFile(
      path.join(root, 'articles/2024/05/all.md'),
      [
        '---',
        `title: "All${all}"`,
        `dek: "x\\x0Bz"`,
        'source: planet',
        'url: https://planet.example.org/all',
        'published: 2024-05-02',
        'captured: 2024-05-03',
        `authors: ["Sam\\u001FLee", { name: "Planet\\u0007 Desk", organization: true }]`,
        'people: [{ id: sam-lee, role: "mayor\\u0085" }]',
        'topics: ["budget\\u0000"]',
        `editorsNote: "Editor\\u0092s note."`,
        '---',
        '',
        'Clean first line.',
        'A body line with a vertical tab\u000B and a DEL\u007F.',
      ].join('\n'),
    );
    await writeFile(path.join(root, 'people/sam-lee.yaml'), 'name: "Sam\\u001F Lee"\ndescription: A reporter.\n');
    await writeFile(
      path.join(root, 'sources/planet.yaml'),
      'name: "Planet\\uFFFF"\nhomepage: https://planet.example.org/\n',
    );
    const { problems, notes } = await checkContent(root);
    expect(problems).toEqual([]);
    expect(notes.map((n) => `${path.basename(n.file)} ${n.field}`).sort()).toEqual([
      'all.md authors.0',
      'all.md authors.1.name',
      'all.md body (line 15)',
      'all.md dek',
      'all.md editorsNote',
      'all.md people.0.role',
      'all.md title',
      'all.md topics.0',
      'planet.yaml name',
      'sam-lee.yaml name',
    ]);
    const title = notes.find((n) => n.field === 'title')!;
    expect(title.message).toContain(`holds ${FORBIDDEN.length} invisible control characters`);
    expect(notes.find((n) => n.field === 'editorsNote')!.message).toContain('in Windows-1252 the byte 92 is “’”');
  });
});

describe('pages', () => {
  test('an article body with every forbidden character, raw or as a character reference, renders without them', async () => {
    const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
    const raw = FORBIDDEN.filter((cp) => cp < 0xd800 || cp > 0xdfff).map((cp) => String.fromCodePoint(cp));
    const refs = FORBIDDEN.map((cp) => `&#x${cp.toString(16)};`);
    const body = [
      `Raw: a${raw.join('b')}c.`,
      `Markdown references: ${refs.join(' ')}`,
      `<p title="t${refs.slice(0, 40).join('')}">HTML references: ${refs.join(' ')}</p>`,
    ].join('\n\n');
    const html = (await processor.render(body)).code;
    expect(forbiddenIn(html)).toEqual([]);
    expect(html).toContain('Raw: a');
  }, 30_000);

  test('a capture page shows control characters as visible symbols, the capture file keeps its bytes', async () => {
    const bytes = await readFile(path.join(CASE, 'capture/pasted.html'));
    const view = viewCapture('pasted.html', bytes);
    expect(forbiddenIn(view.text!)).toEqual([]);
    expect(view.text).toContain('Budget vote␟delayed again');
    expect(view.text).toContain('disagree over the␋ transit levy');
    expect(bytes.includes(0x1f)).toBe(true);
  });
});

describe('the importer removes them and says so', () => {
  test('a page with raw control characters, references to them and JSON escapes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'archive-controls-'));
    scratch.push(dir);
    const root = path.join(dir, 'content');
    for (const sub of ['articles', 'people', 'sources']) await mkdir(path.join(root, sub), { recursive: true });
    const para = 'The council delayed its budget vote for a third week after members failed to agree on the levy.';
    const escaped = path.join(dir, 'escaped.html');
    await writeFile(
      escaped,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Levy&#x1F;vote | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet"><link rel="canonical" href="https://planet.example.org/2024/05/levy">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Levy\\u001fvote","datePublished":"2024-05-09","description":"A standfirst\\u0010 with a control","author":{"@type":"Person","name":"Ana\\u000b Ruiz"}}</script>
</head><body><article><h1>Levy&#x1F;vote</h1><p>${para}&#x10;</p><p>${para}\u0001 Again.</p><p>${para} Once more &#x7f;.</p></article></body></html>`,
    );
    const run = await importAll([path.join(CASE, 'capture/pasted.html'), escaped], root, {
      dryRun: false,
      force: false,
      addPeople: false,
      maxBytes: 20_000_000,
      given: {},
    });
    expect(run.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    for (const outcome of run.outcomes) {
      const text = await readFile(outcome.article!, 'utf8');
      expect(forbiddenIn(text)).toEqual([]);
      // YAML escapes would hide them from a text scan: the parsed fields are clean too.
      expect(text).not.toMatch(/\\[xuU][0-9a-fA-F]{2}/);
      expect(outcome.notes?.join(' ')).toMatch(/removed \d+ invisible control characters/);
      expect(splitFrontmatter(text)).not.toBeNull();
    }
    const pasted = await readFile(run.outcomes[0]!.article!, 'utf8');
    expect(pasted).toContain('title: Budget vote delayed again');
    const checked = await checkContent(root);
    expect(checked.problems).toEqual([]);
    expect(checked.notes).toEqual([]);
    // The same pages again are the same text as what was written: nothing new to add.
    const again = await importAll([path.join(CASE, 'capture/pasted.html'), escaped], root, {
      dryRun: false,
      force: false,
      addPeople: false,
      maxBytes: 20_000_000,
      given: {},
    });
    expect(again.outcomes.map((o) => o.status)).toEqual(['skipped', 'skipped']);
  }, 30_000);
});
