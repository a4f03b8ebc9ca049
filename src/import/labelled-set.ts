import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readCapture } from './capture.ts';
import { convertCapture } from './import-one.ts';
import { scorePage, type Expected, type PageScore } from './score.ts';

// Runs the importer's extraction over a folder of labelled pages (page.html + page.expected.json).

/** Scores every labelled page in a folder, in name order. */
export async function scoreLabelledSet(dir: string): Promise<PageScore[]> {
  const files = (await readdir(dir)).filter((f) => /\.html?(\.gz)?$/.test(f)).sort();
  return Promise.all(
    files.map(async (f) => {
      const file = path.join(dir, f);
      const want = JSON.parse(await readFile(file.replace(/\.html?(\.gz)?$/, '.expected.json'), 'utf8')) as Expected;
      const { meta, body } = convertCapture(await readCapture(file, 20_000_000));
      return scorePage(
        f,
        { title: meta.title?.value, authors: meta.authors?.value, published: meta.published?.value, text: body.text },
        want,
      );
    }),
  );
}

/** Mean of a score over pages. */
export function mean(rows: PageScore[], key: 'precision' | 'recall' | 'f1'): number {
  return rows.reduce((a, r) => a + r[key], 0) / rows.length;
}
