import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, test } from 'vitest';

// What package.json promises beyond what knip checks (`npm run lint:knip`: every imported package
// declared, none unused, and what the site, the checker and the importer load at run time a
// dependency): the lock file was made from it, and `engines` admits only a Node that runs
// `node scripts/*.ts` as the npm scripts do.

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('package.json', () => {
  test('package-lock.json was made from this package.json', () => {
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }>;
    };
    expect(lock.packages['']!.dependencies).toEqual(pkg.dependencies);
    expect(lock.packages['']!.devDependencies).toEqual(pkg.devDependencies);
  });

  test('engines admits only a Node that runs TypeScript files without a flag, and the pinned Node is one', () => {
    // Type stripping without --experimental-strip-types: Node 22.18.0 and 23.6.0 onwards
    // (https://nodejs.org/en/blog/release/v22.18.0, https://nodejs.org/en/blog/release/v23.6.0).
    for (const version of ['22.18.0', '22.20.0', '23.6.0', '24.0.0', '25.0.0'])
      expect(semver.satisfies(version, pkg.engines.node), version).toBe(true);
    for (const version of ['20.19.0', '22.12.0', '22.17.1', '23.0.0', '23.5.0'])
      expect(semver.satisfies(version, pkg.engines.node), version).toBe(false);
    expect(semver.satisfies(semver.minVersion(pkg.devDependencies.node!)!, pkg.engines.node)).toBe(true);
  });
});
