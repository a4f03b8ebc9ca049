import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { markdownOptions } from '../../src/render/pipeline.ts';
import { changeSize, diffBodies, fieldChange, wordCount } from '../../src/render/version-diff.ts';

// The compare page's differences. The oracle shares no code with the diff: the reader's text of
// the merged body, read with a DOM, without the deletions equals the new version's text, and
// without the insertions the old one's.

const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
const render = async (markdown: string) => (await processor.render(markdown)).code;

/** Text of every element matching a selector. */
const texts = (doc: Document, selector: string) => [...doc.querySelectorAll(selector)].map((e) => e.textContent);

/** The text of HTML with the given elements (and the labels) removed, whitespace collapsed. */
function textWithout(html: string, drop: string[]): string {
  const { document } = parseHTML(`<!doctype html><html><body><div id="r">${html}</div></body></html>`);
  const root = document.getElementById('r')!;
  for (const node of root.querySelectorAll(['.visually-hidden', ...drop].join(','))) node.remove();
  return root.textContent.replace(/\s+/g, ' ').trim();
}

const OLD = `The council voted on Tuesday to close the old harbour bridge.

Officials said the decision was final. The mayor called it "a disgrace" and promised an appeal.

- first item
- second item

> A quotation that stays.

A paragraph that was removed entirely, mentioning zeppelins.
`;

const NEW = `The council voted on Wednesday to close the harbour bridge for repairs.

Officials said the decision was final. The mayor promised an appeal.

- first item
- second item, edited
- third item

> A quotation that stays.

A new closing paragraph.
`;

describe('diffBodies', () => {
  test('the new text without deletions, the old text without insertions', async () => {
    const [before, after] = [await render(OLD), await render(NEW)];
    const html = diffBodies(before, after);
    expect(textWithout(html, ['del'])).toBe(textWithout(after, []));
    expect(textWithout(html, ['ins'])).toBe(textWithout(before, []));
  });

  test('changed words are marked and labelled inside their paragraph; blocks stay blocks', async () => {
    const html = diffBodies(await render(OLD), await render(NEW));
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    const dels = [...document.querySelectorAll('del')].map((d) => d.textContent);
    const inss = [...document.querySelectorAll('ins')].map((d) => d.textContent);
    expect(dels).toContain('deleted: Tuesday');
    expect(inss).toContain('inserted: Wednesday');
    expect(dels.some((d) => d?.includes('"a disgrace"'))).toBe(true);
    expect(dels.some((d) => d?.includes('zeppelins'))).toBe(true);
    // The edited sentence is still one paragraph, its changes inside it.
    const edited = [...document.querySelectorAll('p')].find((p) => p.textContent.includes('Officials said'));
    expect(edited?.querySelector('del')).not.toBeNull();
    // List items stay in their list, the new one marked as inserted.
    const items = document.querySelectorAll('ul > li');
    expect(items).toHaveLength(3);
    expect(items[2]!.querySelector('ins')?.textContent).toBe('inserted: third item');
    // The quotation did not change: no marks in it.
    expect(document.querySelector('blockquote')!.querySelector('del, ins')).toBeNull();
    // Every mark starts with its label for screen readers.
    for (const m of document.querySelectorAll('del, ins'))
      expect(m.firstElementChild?.matches('span.visually-hidden')).toBe(true);
  });

  test('a removed list item or table row stays in its list or table, its content marked', async () => {
    const before = await render('- one\n- two\n- three\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n');
    const after = await render('- one\n- three\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n');
    const html = diffBodies(before, after);
    const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
    expect([...document.querySelectorAll('ul > *')].map((e) => e.tagName)).toEqual(['LI', 'LI', 'LI']);
    expect(document.querySelector('ul > li:nth-child(2) > del')?.textContent).toBe('deleted: two');
    expect([...document.querySelectorAll('tbody > *')].map((e) => e.tagName)).toEqual(['TR', 'TR']);
    expect(texts(document, 'tbody > tr:nth-child(2) > td > del')).toEqual(['deleted: 3', 'deleted: 4']);
    expect(textWithout(html, ['del'])).toBe(textWithout(after, []));
    expect(textWithout(html, ['ins'])).toBe(textWithout(before, []));
  });

  test('an empty table cell is never wrapped in a mark; a removed image is', () => {
    const html = diffBodies(
      '<p>a</p><table><tbody><tr><td></td></tr></tbody></table><p><img src="https://example.org/x.png" alt="x"></p>',
      '<p>a</p>',
    );
    expect(html).toContain('<tr><td></td></tr>');
    expect(html).toMatch(/<del><span class="visually-hidden" lang="en">deleted: <\/span><img [^>]*><\/del>/);
  });

  test('a rewritten sentence reads as one deletion and one insertion, not word against word', async () => {
    const html = diffBodies(
      await render('Heavy winds knocked out power to the harbour on Monday.'),
      await render('Ferries resumed sailing from the harbour on Monday.'),
    );
    const { document } = parseHTML(`<!doctype html><html><body><div id="r">${html}</div></body></html>`);
    const marks = [...document.querySelectorAll('#r del, #r ins')].map(
      (m) =>
        `${m.tagName.toLowerCase()}: ${[...m.childNodes]
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent)
          .join('')
          .trim()}`,
    );
    // The words the two sentences share ("the harbour on Monday.") stay unmarked between them.
    expect(marks).toEqual(['del: Heavy winds knocked out power to', 'ins: Ferries resumed sailing from']);
    expect(textWithout(html, ['ins'])).toBe('Heavy winds knocked out power to the harbour on Monday.');
    expect(textWithout(html, ['del'])).toBe('Ferries resumed sailing from the harbour on Monday.');
  });

  test('identical bodies have no marks', async () => {
    const html = diffBodies(await render(OLD), await render(OLD));
    expect(html).not.toMatch(/<(del|ins)\b/);
  });

  test('the result is sanitized: nothing a body may not hold survives', () => {
    const html = diffBodies('<p>old</p>', '<p>new <img src="x" onerror="alert(1)"></p><script>alert(1)</script>');
    expect(html).not.toMatch(/onerror|<script/);
  });
});

describe('versions whose text was rewritten whole', () => {
  // Two texts of 16,000 words that share none: the oracle is the word count of each side, since
  // every word of the old one was removed and every word of the new one added. Compared in one
  // piece, as before, this took minutes and over a gigabyte (quadratic in the text's length).
  const words = (seed: string, n: number) =>
    Array.from({ length: n }, (_, i) => `${seed}${(i * 7919) % 10007}`)
      .join(' ')
      .replace(/((?:\S+ ){119}\S+) /g, '$1.\n\n');
  const before = words('old', 16_000);
  const after = words('new', 16_000);

  test('the change is counted whole, paragraph by paragraph', () => {
    expect(wordCount(before)).toBe(16_000);
    expect(changeSize(before, after)).toEqual({ added: 16_000, removed: 16_000 });
    // One paragraph of 16,000 words each side, too.
    const one = (t: string) => t.replace(/\.\n\n/g, ' ');
    expect(changeSize(one(before), one(after))).toEqual({ added: 16_000, removed: 16_000 });
  }, 60_000); // heavy: 32,000 words compared

  test('the compare page shows the old text deleted and the new inserted', async () => {
    const [oldHtml, newHtml] = [await render(before), await render(after)];
    const { document } = parseHTML(
      `<!doctype html><html><body><div id="d">${diffBodies(oldHtml, newHtml)}</div></body></html>`,
    );
    const root = document.querySelector('#d')!;
    const read = (drop: string) => {
      const copy = root.cloneNode(true) as Element;
      for (const e of copy.querySelectorAll(`${drop}, .visually-hidden`)) e.remove();
      return copy.textContent.replace(/\s+/g, ' ').trim();
    };
    const plain = (html: string) =>
      parseHTML(`<div>${html}</div>`).document.querySelector('div')!.textContent.replace(/\s+/g, ' ').trim();
    expect(read('ins')).toBe(plain(oldHtml));
    expect(read('del')).toBe(plain(newHtml));
  }, 60_000); // heavy: renders and compares 32,000 words
});

describe('changeSize and fieldChange', () => {
  test('counts the words added and removed', () => {
    expect(changeSize('one two three four', 'one three four five six')).toEqual({ added: 2, removed: 1 });
    expect(wordCount('  a b, c — d ')).toBe(4);
  });

  test('a changed headline reads as two lines, the old value struck through and the new one underlined', () => {
    // A word diff of these ran together: "Council ~~set~~approves ~~to~~$40m".
    const [before, after] = ['Council set to approve bridge repairs', 'Council approves $40m bridge repairs'];
    const { document } = parseHTML(
      `<!doctype html><html><body><dd id="r">${fieldChange(before, after)}</dd></body></html>`,
    );
    const lines = [...document.querySelectorAll('#r > p')];
    expect(lines.map((p) => p.textContent)).toEqual([`Before: deleted: ${before}`, `After: inserted: ${after}`]);
    expect(texts(document, '#r del')).toEqual([`deleted: ${before}`]);
    expect(texts(document, '#r ins')).toEqual([`inserted: ${after}`]);
    expect(lines[0]!.querySelector('ins')).toBeNull();
    expect(lines[1]!.querySelector('del')).toBeNull();
  });

  test('a field that was absent, or is now, reads "none", unmarked', () => {
    expect(textWithout(fieldChange('', 'A new standfirst'), [])).toBe('Before: none After: A new standfirst');
    expect(textWithout(fieldChange('Old standfirst', ''), [])).toBe('Before: Old standfirst After: none');
    expect(fieldChange('', 'x')).not.toContain('<del');
  });
});
