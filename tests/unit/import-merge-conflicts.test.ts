import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// A key of the picture, a list item or a paragraph that both the editor and the original changed
// is a conflict: the report names it. Rewritten in place (the same moment again, with --force), the
// editor's value stays, since no version would keep it; a newer capture is the original's word,
// and the edited file stays as the earlier version.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const PAGE = path.resolve('tests/fixtures/import-cases/lead-figure/harbour-ferry.html');
const ALT = 'The Portmouth ferry leaving the harbour at dusk';
const EDITOR_ALT = 'EDITOR ALT the white ferry at dusk';
const PARAGRAPH = 'halving a service that thousands';
const EDITOR_PARAGRAPH = 'halving a service that several thousand';

async function readEntry(file: string) {
  const parts = splitFrontmatter(await readFile(file, 'utf8'))!;
  return {
    data: parseYaml(parts.yaml) as Record<string, unknown>,
    body: parts.body,
    text: await readFile(file, 'utf8'),
  };
}

/** The ferry page saved on 1 December, its alt text and one paragraph edited by hand; a second save changing both. */
async function edited(secondSave: string) {
  const { root, inbox } = await scratchArchive('archive-conflicts-');
  const html = await readFile(PAGE, 'utf8');
  const a = path.join(inbox, 'a.html');
  const b = path.join(inbox, 'b.html');
  await writeFile(a, html);
  await writeFile(
    b,
    html.replace(ALT, 'The ferry at the quay').replace(PARAGRAPH, 'halving a service that many thousands'),
  );
  await utimes(a, new Date('2026-12-01T09:00:00Z'), new Date('2026-12-01T09:00:00Z'));
  await utimes(b, new Date(secondSave), new Date(secondSave));
  const file = (await importAll([a], root, options)).outcomes[0]!.article!;
  const { data, body } = await readEntry(file);
  expect((data.image as { alt: string }).alt).toBe(ALT);
  expect(body).toContain(PARAGRAPH);
  const image = { ...(data.image as object), alt: EDITOR_ALT };
  await writeFile(
    file,
    `---\n${stringify({ ...data, image }, { lineWidth: 0 }).trimEnd()}\n---\n\n${body.replace(PARAGRAPH, EDITOR_PARAGRAPH).replace(/^\n+/, '')}`,
  );
  return { root, b, file };
}

describe('an edit the original changed too', () => {
  test("the same day with --force: the editor's alt text and paragraph stay, and the report names both", async () => {
    const { root, b, file } = await edited('2026-12-01T18:00:00Z');
    const run = await importAll([b], root, { ...options, force: true });
    expect(run.counts).toMatchObject({ replaced: 1, failed: 0 });
    const { data, body } = await readEntry(file);
    expect((data.image as { alt: string }).alt).toBe(EDITOR_ALT);
    expect(body).toContain(EDITOR_PARAGRAPH);
    const report = formatSummary(run, { dryRun: false });
    expect(report).not.toContain('item by item: image');
    expect(report).not.toContain('replacing a hand edit');
    expect(report).toContain('the original changed these edited items too; the edit is kept: image (alt)');
    expect(report).toContain('the original changed these edited paragraphs too; the edit is kept:');
  }, 60_000);

  test('a newer capture: the original’s alt text and paragraph, the report names both, the earlier version keeps the edits', async () => {
    const { root, b, file } = await edited('2026-12-05T17:00:00Z');
    const run = await importAll([b], root, options);
    expect(run.counts).toMatchObject({ versioned: 1, failed: 0 });
    const { data, body } = await readEntry(file);
    expect((data.image as { alt: string }).alt).toBe('The ferry at the quay');
    expect(body).toContain('halving a service that many thousands');
    const report = formatSummary(run, { dryRun: false });
    expect(report).toMatch(/changed by the original, replacing a hand edit: .*image \(alt\)/);
    expect(report).toMatch(/changed by the original, replacing a hand edit: .*body \(1 paragraph\)/);
    const folder = path.join(
      path.dirname(file).replace(`${path.sep}articles${path.sep}`, `${path.sep}versions${path.sep}`),
      path.basename(file, '.md'),
    );
    const [old] = await readdir(folder);
    const earlier = await readFile(path.join(folder, old!), 'utf8');
    expect(earlier).toContain(EDITOR_ALT);
    expect(earlier).toContain(EDITOR_PARAGRAPH);
  }, 60_000);
});

describe('two saves of one page on the same day', () => {
  /** Every file under captures/, by path. */
  async function captureFiles(root: string) {
    return (await readdir(path.join(root, 'captures'), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  }

  test('after --force with the second save, the first is recognised by its bytes, whatever the order and with or without --force', async () => {
    const { root, inbox } = await scratchArchive('archive-two-saves-');
    const html = await readFile(PAGE, 'utf8');
    const a = path.join(inbox, 'a.html');
    const b = path.join(inbox, 'b.html');
    await writeFile(a, html);
    await writeFile(b, html.replace(PARAGRAPH, 'halving a service that many thousands'));
    for (const [f, at] of [
      [a, '2026-12-05T09:00:00Z'],
      [b, '2026-12-05T17:00:00Z'],
    ] as const)
      await utimes(f, new Date(at), new Date(at));
    const file = (await importAll([a], root, options)).outcomes[0]!.article!;
    expect((await importAll([b], root, { ...options, force: true })).counts).toMatchObject({ replaced: 1 });
    const text = await readFile(file, 'utf8');
    expect(text).toContain('many thousands');
    const files = await captureFiles(root);
    expect(files).toHaveLength(2);
    for (const [inputs, force] of [
      [[a, b], false],
      [[b, a], false],
      [[a, b], true],
      [[b, a], true],
    ] as const) {
      const run = await importAll([...inputs], root, { ...options, force });
      expect(run.counts, `${inputs.map((i) => path.basename(i)).join(',')} force=${force}`).toMatchObject({
        failed: 0,
      });
      expect(await readFile(file, 'utf8')).toContain('many thousands');
      expect(await captureFiles(root)).toEqual(files);
    }
    const again = await importAll([a], root, options);
    expect(again.counts).toMatchObject({ skipped: 1 });
    expect(again.outcomes[0]!.reason).toMatch(/already kept as captures\//);
  }, 60_000);
});
