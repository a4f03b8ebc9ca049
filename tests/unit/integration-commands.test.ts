import path from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import archive from '../../src/build/integration.ts';

// Which Astro commands check the content folder: `astro build` and `astro dev` do; `astro preview`
// serves a finished build, perhaps of another archive, so it must not check ./content or
// ARCHIVE_CONTENT_DIR and print their problems beside it.

/** A logger that records every call. */
function recordingLogger() {
  const calls: [string, string][] = [];
  const log = (level: string) => (message: string) => void calls.push([level, message]);
  const logger = { info: log('info'), warn: log('warn'), error: log('error'), debug: log('debug') };
  return { calls, logger: logger as unknown as AstroIntegrationLogger };
}

/** Runs the integration's config:setup hook for `command` with a content folder that does not exist. */
async function setup(command: string) {
  vi.stubEnv('ARCHIVE_CONTENT_DIR', path.join(tmpdir(), 'integration-commands-no-such-content'));
  const { calls, logger } = recordingLogger();
  const hook = archive().hooks['astro:config:setup'] as (options: unknown) => Promise<void>;
  const config = { cacheDir: pathToFileURL(path.join(tmpdir(), 'integration-commands-cache/')), base: '/' };
  await hook({ command, config, logger, updateConfig: () => config });
  return calls;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the content check in each command', () => {
  test('astro preview does not check any content folder', async () => {
    expect(await setup('preview')).toEqual([]);
  });

  test('astro dev checks it, and warns of its problems', async () => {
    const calls = await setup('dev');
    expect(calls).toEqual([['warn', expect.stringContaining('integration-commands-no-such-content')]]);
  });
});
