import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// The editor's note of a teaser-only (partial) capture is the editor's to rewrite or remove: the
// same capture imported again with --force keeps the note exactly as the file has it, and the
// report's "kept as edited" says what the file then holds.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

async function readEntry(file: string) {
  const parts = splitFrontmatter(await readFile(file, 'utf8'))!;
  return { data: parseYaml(parts.yaml) as Record<string, unknown>, body: parts.body };
}

/** The subscriber-only stub imported, then its front matter changed by hand with `edit`. */
async function editedStub(edit: (data: Record<string, unknown>) => Record<string, unknown>) {
  const { root, inbox } = await scratchArchive('archive-notes-');
  const stub = path.join(inbox, 'stub.html');
  await cp(path.resolve('tests/fixtures/import-cases/subscriber-only-stub/stub.html'), stub);
  const first = await importAll([stub], root, options);
  const file = first.outcomes[0]!.article!;
  const { data, body } = await readEntry(file);
  expect(String(data.editorsNote)).toMatch(/^Partial capture/);
  const edited = edit({ ...data });
  await writeFile(file, `---\n${stringify(edited, { lineWidth: 0 }).trimEnd()}\n---\n\n${body}`);
  const again = await importAll([stub], root, { ...options, force: true });
  expect(again.counts.failed).toBe(0);
  return { file, report: formatSummary(again, { dryRun: false }), after: await readEntry(file) };
}

describe("the editor's note on a partial capture, imported again with --force", () => {
  const mine = 'Only the opening of this article could be saved; the editors hold the printed edition.';

  test('a note the editor replaced (and the draft they published) stays exactly as written', async () => {
    const { after, report } = await editedStub((d) => {
      delete d.draft;
      return { ...d, editorsNote: mine };
    });
    expect(after.data.editorsNote).toBe(mine);
    expect(after.data.draft).toBeUndefined();
    expect(report).toMatch(/kept as edited in the file: [^\n]*editorsNote/);
  }, 60_000);

  test('a note the editor deleted stays deleted', async () => {
    const { after, report } = await editedStub((d) => {
      delete d.editorsNote;
      return d;
    });
    expect(after.data.editorsNote).toBeUndefined();
    expect(report).toMatch(/kept as edited in the file: [^\n]*editorsNote/);
  }, 60_000);

  test("the importer's note with the editor's own after it stays once", async () => {
    const { after } = await editedStub((d) => ({ ...d, editorsNote: `${String(d.editorsNote)} ${mine}` }));
    expect(String(after.data.editorsNote)).toMatch(/^Partial capture/);
    expect(String(after.data.editorsNote).split('Partial capture').length).toBe(2);
    expect(String(after.data.editorsNote).endsWith(` ${mine}`)).toBe(true);
  }, 60_000);
});
