import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import type { Capture } from '../../src/import/capture.ts';
import { convertCapture } from '../../src/import/import-one.ts';
import { withoutControlCharactersNoted } from '../../src/import/control-characters.ts';

// A byline line the cleaning takes out of the body gives its names to the article's authors,
// whatever the capture's form: a plain-text copy, a byline naming an agency after "By The", a
// byline holding an invisible control character. Expected values are written out by hand.

/** A capture of a text, as the importer reads a file of that extension. */
function capture(text: string, ext: '.txt' | '.html'): Capture {
  const bytes = Buffer.from(text);
  return {
    path: `story${ext}`,
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ext,
    html: ext === '.html',
    text,
    charset: 'utf-8',
  };
}

const PROSE = [
  'The city council voted 7-2 on Wednesday to keep the £120,000 subsidy for the harbour ferry for another year, after a long debate in the chamber.',
  'Councillor Rosa Delgado said the vote was "a relief for hundreds of families". Opponents said the money should go to road repairs instead.',
  'The ferry carries about 900 passengers a day, according to the operator, which says the service could not run without the subsidy.',
];

/** An HTML page whose article prints `byline` in a paragraph under its headline, with no author tags. */
const page = (byline: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council keeps ferry subsidy</title></head><body><article><h1>Council keeps ferry subsidy</h1><p class="byline">${byline}</p>${PROSE.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

/** Authors and body of a converted capture, control characters removed as the importer does. */
function converted(c: Capture) {
  const { meta, body } = withoutControlCharactersNoted(convertCapture(c, {}, true));
  return { authors: meta.authors?.value ?? [], markdown: body.markdown };
}

describe('a plain-text capture: the "By" line removed from the body names the authors', () => {
  test.each([
    ['By Priya Shah', ['Priya Shah']],
    ['By Priya Shah and Tom Field', ['Priya Shah', 'Tom Field']],
    ['Por Ana Muñoz y Pérez', ['Ana Muñoz y Pérez']],
    ['By Renée Dupont', ['Renée Dupont']],
  ])('%s', (line, authors) => {
    const c = converted(
      capture(`Council votes to keep harbour ferry subsidy\n\n${line}\n\n${PROSE.join('\n\n')}\n`, '.txt'),
    );
    expect(c.authors).toEqual(authors);
    expect(c.markdown).not.toContain(line);
    expect(c.markdown).toContain('The city council voted 7-2');
  });
  test('a text with no byline line has no authors', () => {
    expect(
      converted(capture(`Council votes to keep harbour ferry subsidy\n\n${PROSE.join('\n\n')}\n`, '.txt')).authors,
    ).toEqual([]);
  });
});

describe('an agency after "By The" is a byline', () => {
  test.each([
    ['By The Associated Press', ['The Associated Press']],
    ['By The Canadian Press', ['The Canadian Press']],
    ['By The Editorial Board', ['The Editorial Board']],
  ])('%s', (line, authors) => {
    const c = converted(capture(page(line), '.html'));
    expect(c.markdown).not.toContain(line);
    expect(c.authors).toEqual(authors);
  });
  test('"By The Numbers" (a heading over figures) stays in the text', () => {
    const c = converted(capture(page('By The Numbers'), '.html'));
    expect(c.markdown).toContain('By The Numbers');
  });
});

describe('a byline holding a control character is still read', () => {
  test.each([
    ['By Maria&#16; Lopez', ['Maria Lopez']],
    ['By Maria&#x1F;Lopez', ['Maria Lopez']],
    ['By\u0007 Priya Shah and Tom\u0010 Field', ['Priya Shah', 'Tom Field']],
  ])('%s', (line, authors) => {
    const c = converted(capture(page(line), '.html'));
    expect(c.markdown).not.toMatch(/\bBy\b/);
    expect(c.authors).toEqual(authors);
  });
});

test('the writer’s job on the line under the byline goes with it, a control character in it or not', () => {
  const c = converted(capture(page('By Bob Smith<br>Gazette&#7; Staff Writer'), '.html'));
  expect(c.markdown).not.toMatch(/Bob Smith|Staff Writer/);
  expect(c.authors).toEqual(['Bob Smith']);
});
