import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { outDirProblem } from '../../src/build/out-dir.ts';

// A build's output folder beside the project whose path begins with the project's (Astro takes it
// for one inside and puts the build's server code there, away from node_modules/) is refused
// before anything is built, naming the option, the folder and the fix; every other folder is fine.

describe('outDirProblem', () => {
  test.each([
    ['/work/archive/dist', 'inside the project'],
    ['/work/archive/.bench/dist-30', 'deeper inside'],
    ['/tmp/bench/dist-30', 'elsewhere'],
    ['/work/other/dist', 'beside the project, another name'],
    ['/work/archiv/dist', 'beside, a name the project’s begins with'],
  ])('%s (%s) is fine', (outDir) => {
    expect(outDirProblem(outDir, '/work/archive', '--outDir')).toBeUndefined();
  });

  test.each([['/work/archive-bench/dist-30'], ['/work/archive2'], ['/work/archive.bench/dist']])(
    '%s, beside the project and beginning with its path, is refused with the fix',
    (outDir) => {
      const problem = outDirProblem(outDir, '/work/archive', '--dir', '.bench')!;
      expect(problem).toContain(`--dir ${outDir}: this folder is outside the project (/work/archive)`);
      expect(problem).toContain('Cannot find package');
      expect(problem).toContain('Fix: choose a folder inside the project (e.g. /work/archive/.bench)');
    },
  );

  test('a build’s --outDir gets dist inside the project as its example', () => {
    expect(outDirProblem('/work/archive-site', '/work/archive', '--outDir')).toContain(
      'Fix: choose a folder inside the project (e.g. /work/archive/dist)',
    );
  });
});

describe('npm run bench --dir', () => {
  test('a folder beside the project whose path begins with its path is refused at once, before any corpus is written', () => {
    const dir = `${process.cwd()}-bench-refused`;
    const run = spawnSync(process.execPath, ['scripts/bench.ts', '--articles', '3', '--dir', dir], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`npm run bench: --dir ${dir}: this folder is outside the project`);
    expect(run.stderr).toContain('Fix: choose a folder inside the project');
    expect(existsSync(dir)).toBe(false);
  }, 60_000);
});

describe('astro build --outDir', () => {
  test('a folder beside the project whose path begins with its path stops the build with the message alone, no stack trace', () => {
    const outDir = `${process.cwd()}-build-refused`;
    const run = spawnSync(
      process.execPath,
      ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir, '--site', 'http://127.0.0.1:4321'],
      { encoding: 'utf8', timeout: 120_000, env: { ...process.env, CI: 'true', NO_COLOR: '1' } },
    );
    const output = run.stdout + run.stderr;
    expect(run.status).toBe(1);
    expect(output).toContain(`this folder is outside the project (${process.cwd()})`);
    expect(output).toContain('Nothing was built.');
    expect(output).not.toMatch(/^\s+at /m);
    expect(existsSync(outDir)).toBe(false);
  }, 120_000);
});
