import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { renderBodiesAhead } from '../../src/build/render-ahead.ts';

// The build's render-ahead thread has a small heap. A body too large for it, though far shorter
// than the length it passes over unread, must not stop it for the rest of the build: the body is
// left to the main thread and a new thread renders the ones after it.

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'render-ahead-'));
  vi.stubEnv('ARCHIVE_CACHE_DIR', path.join(dir, 'cache'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dir, { recursive: true, force: true });
});

test('a body that runs the thread out of memory is rendered on the main thread; a new thread renders the rest', async () => {
  // About 44 kB of inline markup: far under the 1 MB the thread passes over without trying, and
  // beyond a 48 MB heap (the syntax trees of dense markup are many times its length; at the build's
  // 128 MB, 150 kB of it did not fit).
  const dense = '*a* [b](/c) `d` **e** '.repeat(2_000);
  const bodies = ['First short body.', dense, 'Third short body.', 'Fourth short body.'];
  const files = bodies.map((_, i) => path.join(dir, `body-${i}.md`));
  for (const [i, body] of bodies.entries()) await writeFile(files[i]!, `---\ntitle: t\n---\n${body}\n`);
  const warnings: string[] = [];
  const ahead = renderBodiesAhead(files, '/', (m) => warnings.push(m), { old: 48, young: 8 });
  try {
    const html = await Promise.all(files.map((f) => ahead.html(f)));
    expect(warnings).toEqual([]);
    expect(ahead.report()).toBe(
      'render-ahead: 3 of 4 article bodies in the cache from a second thread; 1 too large for it, rendered on the main thread',
    );
    expect(html[1]).toContain('<a href="/c">b</a>');
    expect(html[3]).toContain('Fourth short body.');
  } finally {
    await ahead.stop();
  }
}, 120_000);
