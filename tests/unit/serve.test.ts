import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { serve } from '../../bench/serve.ts';

// The static server of the tests, the benchmark and the audit stops when asked, whatever the
// browser left open: Chromium opens connections ahead of time and may never send a request on
// them, and Node's server.close() waits for such a connection until the client drops it.

test('close() ends at once with a connection open that never sent a request', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'serve-'));
  try {
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
    const served = await serve(dir);
    const { port } = new URL(served.origin);
    const socket = net.connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    const closed = served.close().then(() => 'closed');
    const late = new Promise((resolve) => setTimeout(() => resolve('still waiting after 2 s'), 2000).unref());
    expect(await Promise.race([closed, late])).toBe('closed');
    socket.destroy();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
