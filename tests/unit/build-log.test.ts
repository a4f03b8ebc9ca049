import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import buildLog from '../../src/build/build-log.ts';

// The build log: Astro writes a page's name without a line end and its time when it is rendered;
// with eight pages rendered at once the names ran together. Events below are what Astro's
// generate step writes (node_modules/astro/dist/core/build/generate.js), in an order concurrency gives.

const name = (path: string): AstroLoggerMessage => ({
  label: null,
  level: 'info',
  message: `  \u001b[34m├─\u001b[39m \u001b[2m${path}\u001b[22m`,
  newLine: false,
});
const time = (ms: number): AstroLoggerMessage => ({
  label: 'SKIP_FORMAT',
  level: 'info',
  message: ` \u001b[2m(+${ms}ms)\u001b[22m `,
  newLine: true,
});
const cached: AstroLoggerMessage = {
  label: 'SKIP_FORMAT',
  level: 'info',
  message: ' \u001b[32m(cached)\u001b[39m',
  newLine: true,
};
const info = (message: string): AstroLoggerMessage => ({ label: 'build', level: 'info', message, newLine: true });

/** What the log prints for these events, colours and time stamps taken out, as lines. */
function printed(events: AstroLoggerMessage[]): string[] {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  const log = buildLog();
  for (const e of events) log.write(e);
  // Astro's Node logger, which the build log writes through, has no flush: nothing to wait for.
  void log.flush?.();
  vi.restoreAllMocks();
  return out
    .replace(/\u001b\[[0-9;]*m/g, '')
    .replace(/^\d\d:\d\d:\d\d /gm, '')
    .split('\n')
    .filter(Boolean);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the build log', () => {
  test('pages rendered one at a time: each name with its own time', () => {
    expect(printed([name('/a/index.html'), time(5), name('/b/index.html'), time(7)])).toEqual([
      '  ├─ /a/index.html (+5ms) ',
      '  ├─ /b/index.html (+7ms) ',
    ]);
  });

  test('pages rendered at once: one name a line, no time put on a page it may not be of', () => {
    const lines = printed([
      name('/a/index.html'),
      name('/b/index.html'),
      name('/c/index.html'),
      time(30), // whose? a, b or c
      time(31),
      time(32),
      info('Completed'),
    ]);
    expect(lines).toEqual(['  ├─ /a/index.html', '  ├─ /b/index.html', '  ├─ /c/index.html', '[build] Completed']);
  });

  test('a page finishing before the one named after it: no time lands on the wrong page', () => {
    // a and b in flight; b's time comes first, then a's: neither may be printed beside b.
    const lines = printed([name('/a/index.html'), name('/b/index.html'), time(1), time(90)]);
    expect(lines).toEqual(['  ├─ /a/index.html', '  ├─ /b/index.html']);
  });

  test('"(cached)" stays beside its page, which Astro names right before it, even among pages being rendered', () => {
    const lines = printed([
      name('/a/index.html'),
      name('/b/index.html'),
      cached,
      time(3),
      name('/c/index.html'),
      time(4),
    ]);
    expect(lines).toEqual(['  ├─ /a/index.html', '  ├─ /b/index.html (cached)', '  ├─ /c/index.html (+4ms) ']);
  });

  test('other messages are written as Astro writes them', () => {
    expect(printed([info('one'), { ...info('two'), label: 'vite' }])).toEqual(['[build] one', '[vite] two']);
  });
});
