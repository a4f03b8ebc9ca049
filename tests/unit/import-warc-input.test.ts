import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';

// Files named as web archives that hold no WARC records: an empty file fails as an empty saved
// page does, and a page saved under a .warc name is called what it is, not a damaged WARC.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };

describe('web archives without records', () => {
  test.each([
    ['empty.warc', Buffer.alloc(0), /is empty \(0 bytes\)/],
    ['empty.warc.gz', Buffer.alloc(0), /is empty \(0 bytes\)/],
    ['nothing.warc.gz', gzipSync(Buffer.alloc(0)), /holds no WARC records/],
    ['blank.warc', Buffer.from('\r\n\r\n'), /holds no WARC records/],
  ])('%s fails, like an empty page', async (name, bytes, reason) => {
    const { root, inbox } = await scratchArchive('archive-warc-input-');
    await writeFile(path.join(inbox, name), bytes);
    const summary = await importAll([path.join(inbox, name)], root, options);
    expect(summary.archivesFailed).toBe(1);
    expect(summary.outcomes[0]!.reason).toMatch(reason);
    expect(formatSummary(summary, { dryRun: false })).not.toMatch(/0 records read/);
  });

  test.each([
    ['page.warc', (html: string) => Buffer.from(html)],
    ['page.warc.gz', (html: string) => gzipSync(html)],
  ])('an HTML page named %s is not a WARC file, and the message says so', async (name, encode) => {
    const { root, inbox } = await scratchArchive('archive-warc-input-');
    const html = newsPage({ title: 'Bus lanes delayed', paragraphs: paragraphsFor(5) });
    await writeFile(path.join(inbox, name), encode(html));
    const summary = await importAll([path.join(inbox, name)], root, options);
    expect(summary.archivesFailed).toBe(1);
    const reason = summary.outcomes[0]!.reason!;
    expect(reason).toMatch(/is not a WARC file: it starts with "<!doctype html>/);
    expect(reason).not.toMatch(/cut short|damaged/);
  });

  test('the command exits with 1 for an empty web archive, as for an empty page', async () => {
    const { root, inbox } = await scratchArchive('archive-warc-input-');
    const file = path.join(inbox, 'empty.warc.gz');
    await writeFile(file, Buffer.alloc(0));
    const run = spawnSync(path.resolve('node_modules/.bin/node'), ['scripts/import.ts', '--content', root, file], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`failed ${file}: is empty (0 bytes)`);
  }, 30_000); // starts the command in a process of its own
});
