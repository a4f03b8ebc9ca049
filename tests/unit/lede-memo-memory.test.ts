import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// What the articles loader's memo of openings (src/content/lede-memo.ts) keeps alive: it holds
// every parsed article's opening prose from the content sync until the related lists take it, so
// an opening must hold its own characters, not the whole file it was cut from (a slice of a
// string keeps the whole string). Measured in a process of its own, with garbage collection on
// call, on files of 1 MB each whose opening the memo keeps.

const LOADER_PATH = fileURLToPath(new URL('../../src/content/files.ts', import.meta.url));
const MEMO = fileURLToPath(new URL('../../src/content/lede-memo.ts', import.meta.url));
const PROSE = fileURLToPath(new URL('../../src/text/markdown-prose.ts', import.meta.url));

/** Bytes of heap still reachable once the openings of 8 files of 1 MB are remembered and the files dropped. */
function retainedBytes(): number {
  const script = `
    import { splitFrontmatter } from ${JSON.stringify(LOADER_PATH)};
    import { rememberLede, takeLede } from ${JSON.stringify(MEMO)};
    import { markdownLede } from ${JSON.stringify(PROSE)};
    const heap = () => (gc(), gc(), process.memoryUsage().heapUsed);
    // As the loader reads a file: the whole text, its front matter split off, the opening remembered.
    const remember = (i) => {
      const text = '---\\ntitle: File ' + i + '\\n---\\n\\n' + ('The harbour, the pier and the council vote, told in plain words, file ' + i + '. ').repeat(14000);
      const parts = splitFrontmatter(text);
      rememberLede('articles/' + i + '.md', 'digest' + i, markdownLede(parts.body));
    };
    remember(0);
    const start = heap();
    for (let i = 1; i <= 8; i++) remember(i);
    const retained = heap() - start;
    for (let i = 1; i <= 8; i++) if (takeLede('articles/' + i + '.md', 'digest' + i).length !== 3000) throw new Error('opening ' + i + ' lost');
    process.stdout.write(String(retained));
  `;
  return Number(
    execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' }),
  );
}

describe('the memo of article openings', () => {
  test('keeps each opening, not the file it was cut from', { timeout: 60_000 }, () => {
    // Eight files are about 8 MB of text; eight openings of 3,000 characters about 48 kB at most.
    expect(retainedBytes()).toBeLessThan(500_000);
  });
});
