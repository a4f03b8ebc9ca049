import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from 'vitest';

// `npm run dev` offers no upgrade past the locked Astro: the project's own Astro preferences
// (.astro/settings.json, kept in git) turn the update check off, on every machine and clone.

test("Astro's update check is off for this project", () => {
  const run = spawnSync(
    path.resolve('node_modules/.bin/node'),
    ['node_modules/astro/bin/astro.mjs', 'preferences', 'get', 'checkUpdates.enabled'],
    { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } },
  );
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/checkUpdates\.enabled is set to\s+false/);
}, 60_000);
