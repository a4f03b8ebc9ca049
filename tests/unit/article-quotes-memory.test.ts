import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';

// What the quotes of a body keep alive: the person pages and the person records hold every
// article's quotes for the whole build, so a quote must not hold its body. Measured in a process
// of its own, with garbage collection on call, on bodies of 2 MB each quoting a few words:
// what stays reachable once the body is let go is the quotes' own size, whether they were found
// now or read from the cache.

const cache = mkdtempSync(path.join(tmpdir(), 'article-quotes-memory-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

const MODULE = fileURLToPath(new URL('../../src/render/article-quotes.ts', import.meta.url));

/** Bytes of heap still reachable after the quotes of 4 large bodies are kept and the bodies dropped. */
function retainedBytes(): number {
  const script = `
    import { articleQuotes } from ${JSON.stringify(MODULE)};
    const people = [{ id: 'maria-okafor', name: 'Maria Okafor', aliases: [] }];
    const kept = [];
    const heap = () => (gc(), gc(), process.memoryUsage().heapUsed);
    // Bodies of 2 MB of text each (four long paragraphs, quoting nobody), each opening with a quote.
    const quotesOf = (i) => {
      const filler = Array.from({ length: 4 }, (_, n) => '<p id="p' + n + '">Paragraph ' + n + ' of body ' + i + '. ' + 'The harbour, the pier and the council vote, told in plain words. '.repeat(8000) + '</p>').join('');
      const html = '<p id="q">“We will rebuild the pier this year, body ' + i + ',” Okafor said.</p>' + filler;
      return articleQuotes(html, { language: 'en', people });
    };
    // The first body is measured from: the last string a regular expression read stays reachable
    // until the next is read, whoever reads it.
    kept.push(quotesOf(0));
    const start = heap();
    for (let i = 1; i <= 4; i++) kept.push(quotesOf(i));
    if (kept.flat().length !== 5) throw new Error('expected one quote a body, got ' + kept.flat().length);
    process.stdout.write(String(heap() - start));
  `;
  return Number(
    execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
      env: { ...process.env, ARCHIVE_CACHE_DIR: cache },
      encoding: 'utf8',
    }),
  );
}

describe('the quotes of a body', () => {
  test('do not keep the body text alive, found now or read from the cache', { timeout: 60_000 }, () => {
    // Four bodies' texts are about 8 MB; four quotes are a few hundred bytes.
    expect(retainedBytes()).toBeLessThan(1_000_000); // found now (and written to the cache)
    expect(retainedBytes()).toBeLessThan(1_000_000); // read from the cache
  });
});
