import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

/**
 * An importer of the saved pages in `dir`, each into an empty content folder of its own (removed
 * after the test file): `importPage(name, given)` gives the run, its one outcome, the written
 * article's front matter (`data`) and body, and the report as printed. Call at a file's top level.
 */
export function pageImporter(dir: string) {
  const scratch: string[] = [];
  afterAll(async () => {
    for (const folder of scratch) await rm(folder, { recursive: true, force: true });
  });
  return async function importPage(name: string, given: { url?: string } = {}) {
    const folder = await mkdtemp(path.join(tmpdir(), 'archive-page-'));
    scratch.push(folder);
    const root = path.join(folder, 'content');
    for (const sub of ['articles', 'people', 'sources']) await mkdir(path.join(root, sub), { recursive: true });
    const run = await importAll([path.join(dir, name)], root, { ...options, given });
    const outcome = run.outcomes[0]!;
    const parts = outcome.article ? splitFrontmatter(await readFile(outcome.article, 'utf8'))! : undefined;
    return {
      run,
      outcome,
      data: parts ? (parseYaml(parts.yaml) as Record<string, unknown>) : undefined,
      body: parts?.body ?? '',
      report: formatSummary(run, { dryRun: false }),
    };
  };
}
