import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { CaptureError, failureReason } from '../../src/import/capture.ts';
import { formatSummary } from '../../src/import/report.ts';
import { importAll } from '../../src/import/run.ts';
import { newsPage, paragraphsFor } from '../fixtures/pages.ts';
import { scratchArchive } from '../helpers/scratch-archive.ts';
import { htmlResponse, warcFile, waczFile } from '../helpers/web-archive.ts';

// Every reason a failed capture gives is a sentence a user can act on: what is wrong with the
// file (or record) and what to do, never a program's error message.

const options = { dryRun: false, force: false, addPeople: false, maxBytes: 20_000_000, given: {} };
const CASE = path.resolve('tests/fixtures/import-cases/truncated-http-body');
const MALFORMED = path.resolve('tests/fixtures/import-malformed');

/** Words of JavaScript's own error messages, which a reason must never carry. */
const PROGRAM_WORDS =
  /Cannot (?:destructure|read propert)|is not a function|is not iterable|undefined|null\b|TypeError|RangeError/;

describe('malformed captures fail with a reason naming what is wrong and what to do', () => {
  test('the reported case: an .html holding only front matter', async () => {
    const { root, inbox } = await scratchArchive('archive-failure-reasons-');
    const file = path.join(inbox, 'onlyfm.html');
    await cp(path.join(MALFORMED, 'onlyfm.html'), file);
    const run = await importAll([file], root, options);
    const report = formatSummary(run, { dryRun: false });
    expect(run.counts.failed).toBe(1);
    expect(report).toMatch(
      /^failed .*onlyfm\.html: holds no HTML elements, only text starting with front matter \("---"\): it is not a saved web page/m,
    );
    expect(report).not.toMatch(PROGRAM_WORDS);
  });

  test('.html files with no elements, a cut-short .html.gz and broken WARC records: every reason is a plain sentence', async () => {
    const { root, inbox } = await scratchArchive('archive-failure-reasons-');
    const pages: Record<string, string> = {
      'plain-prose.html': 'The harbour board met on Tuesday.\n\nIt agreed to dredge the channel.\n',
      'comment-only.html': '<!-- saved by hand -->\n',
      'doctype-only.html': '<!doctype html>\n',
      'script-only.html': '<script>window.location = "/"</script>\n',
      'cdata.html': '<![CDATA[ nothing ]]>\n',
    };
    const files = [];
    for (const [name, text] of Object.entries(pages)) {
      files.push(path.join(inbox, name));
      await writeFile(files.at(-1)!, text);
    }
    files.push(path.join(inbox, 'gz-trunc.html.gz'));
    await cp(path.join(MALFORMED, 'gz-trunc.html.gz'), files.at(-1)!);
    files.push(path.join(inbox, 'gzip-cut.warc'));
    await cp(path.join(CASE, 'gzip-cut.warc'), files.at(-1)!);
    const warc = path.join(inbox, 'odd.warc');
    const html = newsPage({ title: 'Odd record', paragraphs: paragraphsFor(5), url: 'https://news.example/odd' });
    await writeFile(
      warc,
      await warcFile(
        [
          htmlResponse('https://news.example/no-elements', '2026-11-20T08:00:00Z', '---\ntitle: x\n---\n'),
          htmlResponse('https://news.example/gzip-damaged', '2026-11-20T08:01:00Z', gzipSync(html).fill(7, 40, 60), {
            'Content-Encoding': 'gzip',
          }),
        ],
        false,
      ),
    );
    files.push(warc);
    const run = await importAll(files, root, options);
    const report = formatSummary(run, { dryRun: false });
    expect(run.counts.failed).toBe(9);
    const failedLines = report.split('\n').filter((l) => l.startsWith('failed '));
    expect(failedLines).toHaveLength(9);
    for (const line of failedLines) expect(line).not.toMatch(PROGRAM_WORDS);
    expect(report).toMatch(/^failed .*script-only\.html: has no article text/m);
    for (const name of ['plain-prose', 'comment-only', 'doctype-only', 'cdata'])
      expect(report).toMatch(
        new RegExp(`^failed .*${name}\\.html: holds no HTML elements.*: it is not a saved web page \\(save`, 'm'),
      );
    expect(report).toMatch(/^failed .*plain-prose\.html: .*import a plain-text copy as a \.txt file/m);
    expect(report).toMatch(/^failed .*gz-trunc\.html\.gz: is cut short: its gzip data ends early; save or download/m);
    expect(report).toMatch(
      /^failed .*gzip-cut\.warc https:\/\/w\.example\/news\/5 .*: the page's gzip stream ends early/m,
    );
    expect(report).toMatch(/^failed .*odd\.warc https:\/\/news\.example\/no-elements .*: holds no HTML elements/m);
    expect(report).toMatch(
      /^failed .*odd\.warc https:\/\/news\.example\/gzip-damaged .*: the page's gzip stream is damaged/m,
    );
  });
});

test('a WACZ cut short, or not a zip at all, says so in plain words, not in the zip reader’s', async () => {
  const { root, inbox } = await scratchArchive('archive-failure-reasons-');
  const html = newsPage({ title: 'Packed record', paragraphs: paragraphsFor(6), url: 'https://news.example/packed' });
  const warc = await warcFile([htmlResponse('https://news.example/packed', '2026-11-20T08:00:00Z', html)], true);
  const wacz = waczFile(warc, [{ url: 'https://news.example/packed', ts: '2026-11-20T08:00:00Z' }]);
  await writeFile(path.join(inbox, 'cut.wacz'), wacz.subarray(0, wacz.length - 30));
  await writeFile(path.join(inbox, 'junk.wacz'), 'not a zip at all');
  const run = await importAll([inbox], root, options);
  const by = Object.fromEntries(run.outcomes.map((o) => [path.basename(o.file), o.reason ?? '']));
  expect(by['cut.wacz']).toMatch(
    /^is not a readable WACZ \(zip\) file: its table of contents at the end is missing, so it was cut short or is not a zip; download or copy it again$/,
  );
  expect(by['junk.wacz']).toMatch(/^is not a readable WACZ \(zip\) file: /);
  for (const reason of Object.values(by)) expect(reason).not.toMatch(/signature|central directory|Either/);
});

describe('failureReason', () => {
  test('a CaptureError is its own reason; an unexpected error says what could not be read and the cause in plain words', () => {
    expect(failureReason(new CaptureError('has no text'), 'a saved page')).toBe('has no text');
    const internal = failureReason(
      new TypeError("Cannot destructure property 'firstElementChild' of 'documentElement' as it is null."),
      'a saved page',
    );
    expect(internal).toMatch(/^could not be read as a saved page: /);
    expect(internal).toMatch(/report/);
    expect(internal).not.toMatch(PROGRAM_WORDS);
    const errno = (code: string, extra: Record<string, string> = {}) =>
      Object.assign(new Error(`${code}: something, open '/x/y.html'`), { code, ...extra });
    expect(failureReason(errno('ENOENT', { path: '/x/y.html' }), 'a saved page')).toMatch(
      /^could not be read as a saved page: \/x\/y\.html is not there .*check the path and run again/,
    );
    expect(failureReason(errno('EACCES', { path: '/x/y.html' }), 'a saved page')).toMatch(
      /permission to use \/x\/y\.html was refused.*run again/,
    );
    expect(failureReason(errno('ENOSPC'), 'a web archive')).toMatch(/the disk is full: free some space and run again/);
    expect(failureReason(errno('Z_BUF_ERROR'), 'a web archive')).toMatch(
      /^could not be read as a web archive: its compressed data ends early \(the file was cut short\)/,
    );
    expect(failureReason(errno('Z_DATA_ERROR'), 'a web archive')).toMatch(/its compressed data is damaged/);
    expect(failureReason('a thrown string', 'an HTML page')).toMatch(/^could not be read as an HTML page: /);
    for (const e of [internal, failureReason('x', 'a page'), failureReason(errno('ENOSPC'), 'a page')])
      expect(e).not.toMatch(PROGRAM_WORDS);
  });
});
