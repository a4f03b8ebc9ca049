import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { checkContent } from '../../src/content/check.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';
import { newsPage } from '../fixtures/pages.ts';

// An editor's quotation correction (front matter `quotes:`) names a passage of the body. When a
// newer capture rewords that passage, the import keeps the correction as the editor wrote it and
// says, in its report, which correction no longer matches the text, why, and what to do, so the
// editor learns it when importing rather than when `npm run check` fails.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const QUOTED = 'pleased to find a way forward at last';
const page = (quote: string, extra: string[] = []) =>
  newsPage({
    title: 'Ferry adds a late sailing for shift workers',
    url: 'https://coast.example/news/ferry-late-sailing',
    published: '2026-03-04',
    author: 'Sam Ortiz',
    site: 'Coast News',
    paragraphs: [
      'The ferry between Bayside and Gull Island will add an evening sailing from next month, the council said on Monday, after a campaign by nurses who finish late shifts.',
      `The operator had resisted the change for two years. Its director said on Monday he was "${quote}" with the council.`,
      'The new timetable starts on 1 April and will be reviewed after six months, the council said on Monday evening.',
      ...extra,
    ],
  });

async function readEntry(file: string) {
  const parts = splitFrontmatter(await readFile(file, 'utf8'))!;
  return { data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body };
}

/** The first save imported, a correction of the director's words added by hand, then the second save imported. */
async function correctedThenImported(second: string) {
  const { root, inbox } = await scratchArchive('archive-quote-corrections-');
  const [a, b] = [path.join(inbox, 'a.html'), path.join(inbox, 'b.html')];
  await writeFile(a, page(QUOTED));
  await writeFile(b, second);
  await utimes(a, new Date('2026-12-01T10:00:00Z'), new Date('2026-12-01T10:00:00Z'));
  await utimes(b, new Date('2026-12-06T10:00:00Z'), new Date('2026-12-06T10:00:00Z'));
  const file = (await importAll([a], root, options)).outcomes[0]!.article!;
  const { data, body } = await readEntry(file);
  const quotes = [{ text: 'pleased to find a way forward', remove: true }];
  await writeFile(file, `---\n${stringify({ ...data, quotes }, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`);
  expect((await checkContent(root)).problems).toEqual([]);
  const run = await importAll([b], root, options);
  expect(run.counts).toMatchObject({ versioned: 1, failed: 0 });
  return { root, file, quotes, report: formatSummary(run, { dryRun: false }) };
}

describe('a quotation correction the newer capture no longer matches', () => {
  test('reworded: the report names the correction, why and the fix; the correction is kept', async () => {
    const { root, file, quotes, report } = await correctedThenImported(page('pleased we have found a way forward'));
    expect((await readEntry(file)).data.quotes).toEqual(quotes);
    const warning = report.split('\n').find((l) => l.includes('quotes.0'));
    expect(warning).toMatch(/warning: /);
    expect(warning).toContain('"pleased to find a way forward"');
    expect(warning).toContain("is not in the article's body");
    expect(warning).toMatch(/copy a passage of the quotation from the body/);
    // The check says the same thing: the import told the editor what the check will say.
    const problems = (await checkContent(root)).problems;
    expect(problems.map((p) => p.field)).toEqual(['quotes.0.text']);
  }, 60_000);

  test('found twice after the capture repeats it: reported too', async () => {
    const { report } = await correctedThenImported(
      page(QUOTED, ['He added later that he was "pleased to find a way forward" for the island.']),
    );
    expect(report).toMatch(/warning: [^\n]*quotes\.0[^\n]*found 2 times/);
  }, 60_000);

  test('still in the text: no warning', async () => {
    const { report } = await correctedThenImported(page(QUOTED, ['The council will meet again in May.']));
    expect(report).not.toContain('quotes.0');
  }, 60_000);
});
