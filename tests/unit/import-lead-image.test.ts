import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { readMetadata } from '../../src/import/metadata.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// The lead image's alt text, caption and credit, from every place a news page states them (the
// lead <figure>, the JSON-LD ImageObject, og:image:alt), kept in the front matter's image field
// even when the image file itself is not kept.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const jsonLd = (o: unknown) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;
const PROSE =
  'The ferry linking the two towns will run only once an hour from April, its operator announced on Monday, halving a service that thousands of commuters rely on each day.';

/** The lead image readMetadata finds in a page made of these head and body tags. */
function leadImage(head: string, body: string) {
  const { document } = parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`);
  return readMetadata(document).image?.value;
}

test('the reported case: alt text, caption and credit are kept in the image field though the file is not', async () => {
  const { root } = await scratchArchive('archive-lead-image-');
  const run = await importAll(
    [path.resolve('tests/fixtures/import-cases/lead-figure/harbour-ferry.html')],
    root,
    options,
  );
  const parts = splitFrontmatter(await readFile(run.outcomes[0]!.article!, 'utf8'))!;
  expect((parseYaml(parts.yaml) as Record<string, unknown>).image).toEqual({
    original: 'https://cdn.coastalcourier.example/img/ferry-1200.jpg',
    alt: 'The Portmouth ferry leaving the harbour at dusk',
    caption: 'The Portmouth ferry has run every 30 minutes since 1998.',
    credit: 'Photograph: James Orr/Coastal Courier',
  });
});

describe('where pages state them', () => {
  test('the JSON-LD ImageObject: caption, creditText, copyrightHolder; og:image:alt', () => {
    const ld = (image: unknown) => jsonLd({ '@type': 'NewsArticle', headline: 'H', image });
    expect(
      leadImage(
        ld({
          '@type': 'ImageObject',
          url: 'https://cdn.example/a.jpg',
          caption: 'The pier.',
          creditText: 'Jo Bloggs/Agency',
        }) + '<meta property="og:image:alt" content="A pier at night">',
        `<h1>H</h1><p>${PROSE}</p>`,
      ),
    ).toEqual({
      url: 'https://cdn.example/a.jpg',
      alt: 'A pier at night',
      caption: 'The pier.',
      credit: 'Jo Bloggs/Agency',
    });
    expect(
      leadImage(
        ld({
          '@type': 'ImageObject',
          contentUrl: 'https://cdn.example/b.jpg',
          copyrightHolder: { '@type': 'Organization', name: 'Reuters' },
        }),
        `<h1>H</h1><p>${PROSE}</p>`,
      ),
    ).toEqual({ url: 'https://cdn.example/b.jpg', credit: 'Reuters' });
  });

  test('the lead figure: a credit marked by class or item property, or written at the end of the caption', () => {
    const og = '<meta property="og:image" content="https://cdn.example/lead.jpg">';
    const figure = (caption: string) =>
      `<article><h1>H</h1><figure><img src="https://cdn.example/lead-800.jpg" alt="Crowds on the quay"><figcaption>${caption}</figcaption></figure><p>${PROSE}</p></article>`;
    const expected = {
      url: 'https://cdn.example/lead.jpg',
      alt: 'Crowds on the quay',
      caption: 'Crowds gathered early.',
    };
    expect(leadImage(og, figure('Crowds gathered early. <span itemprop="copyrightHolder">AFP</span>'))).toEqual({
      ...expected,
      credit: 'AFP',
    });
    expect(leadImage(og, figure('Crowds gathered early. <small class="image-credit">Photo: Ana Ruiz</small>'))).toEqual(
      { ...expected, credit: 'Photo: Ana Ruiz' },
    );
    expect(leadImage(og, figure('Crowds gathered early. Photograph: Sam Lee/Guardian'))).toEqual({
      ...expected,
      credit: 'Photograph: Sam Lee/Guardian',
    });
    expect(leadImage(og, figure('Crowds gathered early. Foto: dpa'))).toEqual({ ...expected, credit: 'Foto: dpa' });
    expect(leadImage(og, figure('Crowds gathered early. © Reuters'))).toEqual({ ...expected, credit: '© Reuters' });
    expect(leadImage(og, figure('Crowds gathered early.'))).toEqual(expected);
    // Without og:image or JSON-LD, the figure's own image is the lead image.
    expect(leadImage('', figure('Crowds gathered early.'))).toEqual({
      ...expected,
      url: 'https://cdn.example/lead-800.jpg',
    });
  });

  test('a figure after the story’s first paragraph, or before the headline, is not the lead image', () => {
    const og = '<meta property="og:image" content="https://cdn.example/lead.jpg">';
    const fig =
      '<figure><img src="https://cdn.example/chart.png" alt="A chart"><figcaption>Fares since 2010.</figcaption></figure>';
    expect(leadImage(og, `<article><h1>H</h1><p>${PROSE}</p>${fig}</article>`)).toEqual({
      url: 'https://cdn.example/lead.jpg',
    });
    expect(leadImage(og, `${fig}<article><h1>H</h1><p>${PROSE}</p></article>`)).toEqual({
      url: 'https://cdn.example/lead.jpg',
    });
  });
});
