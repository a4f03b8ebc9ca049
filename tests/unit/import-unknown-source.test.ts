import { spawnSync } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/content/files.ts';
import { parseYaml } from '../../src/content/yaml.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// A --source that names no file in sources/ is refused only for a capture that would take it (a
// capture that states no source of its own, such as a plain-text copy); captures that state their
// source import, and the report says the option was not used. The refusal names the option and
// the fix. Captures: tests/fixtures/import-cases/given-facts/.

const CASES = path.resolve('tests/fixtures/import-cases/given-facts');
const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

async function readEntry(file: string): Promise<Record<string, unknown>> {
  return parseYaml(splitFrontmatter(await readFile(file, 'utf8'))!.yaml) as Record<string, unknown>;
}

async function inboxWith(files: string[]) {
  const { root, inbox } = await scratchArchive('archive-unknown-source-');
  for (const f of files) await cp(path.join(CASES, f), path.join(inbox, f));
  await writeFile(
    path.join(root, 'sources', 'bayside-gazette.yaml'),
    'name: Bayside Gazette\nhomepage: https://www.baysidegazette.example/\n',
  );
  return { root, inbox, paths: files.map((f) => path.join(inbox, f)) };
}

describe('an unknown --source', () => {
  test('captures that state their own source import; the report says the option was not used', async () => {
    const { root, paths } = await inboxWith(['library.html', 'harbour.warc.gz']);
    const run = await importAll(paths, root, { ...options, given: { source: 'no-such-paper' } });
    const report = formatSummary(run, { dryRun: false });
    expect(run.counts.failed).toBe(0);
    expect(run.counts.imported).toBeGreaterThanOrEqual(2);
    for (const o of run.outcomes.filter((x) => x.article))
      expect(['bayside-gazette', 'harbour-post']).toContain((await readEntry(o.article!)).source);
    expect(report).toContain('--source no-such-paper not used: the capture states its source, Harbour Post');
    expect(report).toContain('--source no-such-paper not used: the capture states its source, Bayside Gazette');
  });

  test('a capture that would take it is refused, naming the option and the fix', async () => {
    const { root, paths } = await inboxWith(['council.txt']);
    const run = await importAll(paths, root, {
      ...options,
      given: {
        source: 'bayside-gazete',
        url: 'https://www.baysidegazette.example/news/2026/11/ferry-subsidy-kept',
        published: '2026-11-19',
      },
    });
    expect(run.counts).toMatchObject({ imported: 0, failed: 1 });
    const reason = run.outcomes[0]!.reason!;
    expect(reason).toContain('--source bayside-gazete is not in sources/');
    expect(reason).toContain('did you mean --source bayside-gazette?');
    expect(reason).toContain('add sources/bayside-gazete.yaml');
  });

  test('an archived article that already has its source keeps it; the option is said not used', async () => {
    const { root, paths } = await inboxWith(['council.txt']);
    const given = {
      url: 'https://www.baysidegazette.example/news/2026/11/ferry-subsidy-kept',
      published: '2026-11-19',
    };
    const first = await importAll(paths, root, { ...options, given: { ...given, source: 'bayside-gazette' } });
    const article = first.outcomes[0]!.article!;
    const text = await readFile(article, 'utf8');
    await writeFile(article, text.replace(/^title: .*$/m, 'title: Harbour ferry subsidy kept'));
    const run = await importAll(paths, root, { ...options, force: true, given: { ...given, source: 'nowhere' } });
    expect(run.counts.failed).toBe(0);
    const data = await readEntry(article);
    expect(data.source).toBe('bayside-gazette');
    expect(data.title).toBe('Harbour ferry subsidy kept');
    expect(formatSummary(run, { dryRun: false })).toContain('--source nowhere not used');
  });

  test(
    'the command: exit 0 when no capture needs it, exit 1 with the message when one does',
    { timeout: 120_000 },
    async () => {
      const { root, paths } = await inboxWith(['library.html', 'council.txt']);
      const cli = (files: string[], extra: string[] = []) =>
        spawnSync(
          process.execPath,
          ['scripts/import.ts', ...files, '--source', 'no-such-paper', '--content', root, ...extra],
          { encoding: 'utf8', timeout: 100_000 },
        );
      const stated = cli([paths[0]!]);
      expect(stated.status, stated.stderr).toBe(0);
      expect(stated.stdout).toContain('--source no-such-paper not used');
      const needed = cli([paths[1]!]);
      expect(needed.status).toBe(1);
      expect(`${needed.stdout}${needed.stderr}`).toContain('--source no-such-paper is not in sources/');
    },
  );
});
