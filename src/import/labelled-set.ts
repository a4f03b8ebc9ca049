import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { toText } from 'hast-util-to-text';
import { parseHTML } from 'linkedom';
import { hostOf } from './existing-entries.ts';
import { readCapture } from './capture.ts';
import { convertCapture } from './import-one.ts';
import { parseHtmlFragment } from './markdown.ts';
import { ngramScore, scorePage, type Expected, type PageScore } from './score.ts';

// Runs the importer's extraction over a folder of labelled pages (page.html + page.expected.json),
// and Mozilla Readability alone on the same pages for comparison.

/**
 * The article text Readability alone extracts from a page (default options, same DOM library),
 * with block boundaries kept as line breaks; empty when it finds no article.
 */
function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return article?.content ? toText(parseHtmlFragment(article.content)) : '';
}

/**
 * Scores every labelled page in a folder, in name order. A page the importer refuses scores 0.
 * With `compare`, each row also gets Readability's F1 alone (`readabilityF1`).
 */
export async function scoreLabelledSet(dir: string, { compare = false } = {}): Promise<PageScore[]> {
  const files = (await readdir(dir)).filter((f) => /\.html?(\.gz)?$/.test(f)).sort();
  return Promise.all(
    files.map(async (f) => {
      const file = path.join(dir, f);
      const want = JSON.parse(await readFile(file.replace(/\.html?(\.gz)?$/, '.expected.json'), 'utf8')) as Expected;
      const capture = await readCapture(file, 20_000_000);
      let row: PageScore;
      try {
        const { meta, body } = convertCapture(capture);
        row = scorePage(
          f,
          {
            title: meta.title?.value,
            authors: meta.authors?.value,
            published: meta.published?.value,
            source: meta.siteName?.value ?? hostOf(meta.url?.value),
            text: body.text,
          },
          want,
        );
      } catch (err) {
        row = { ...scorePage(f, { text: '' }, want), got: { title: `refused: ${(err as Error).message}` } };
      }
      if (compare) row.readabilityF1 = ngramScore(readabilityText(capture.text), want.body).f1;
      return row;
    }),
  );
}

/** Mean of a score over pages. */
export function mean(rows: PageScore[], key: 'precision' | 'recall' | 'f1' | 'readabilityF1'): number {
  return rows.reduce((a, r) => a + (r[key] ?? 0), 0) / rows.length;
}
