import { describe, expect, test } from 'vitest';
import { loadIndex, type LoaderIo } from '../../src/search/browser/pagefind-loader.ts';
import type { Pagefind } from '../../src/search/browser/pagefind-types.ts';

// Loading the parts of a search index so that a part that cannot be loaded leaves the others
// searchable (src/search/browser/pagefind-loader.ts), against a stand-in for pagefind.js that
// behaves as Pagefind 1.6 does: a merged index whose files fail stays in its list of indexes
// until destroy().

/** A pagefind.js module whose indexes are the folders merged since the last destroy. */
function fakeModule(failing: Set<string>, log: string[]): Pagefind & { indexes: string[] } {
  const module = {
    indexes: [] as string[],
    options: async () => {},
    init: async () => {},
    destroy: async () => {
      log.push('destroy');
      module.indexes = [];
    },
    mergeIndex: async (dir: string) => {
      module.indexes.push(dir);
      if (failing.has(dir)) throw new Error(`Failed to load Pagefind metadata (${dir})`);
    },
    filters: async () => ({}),
    search: async () => null,
    preload: async () => {},
  };
  return module;
}

/** Loader io over folders that answer or not, whose script imports or not, and whose merge fails or not. */
function io(opts: { unreachable?: string[]; noScript?: string[]; failingMerge?: string[] }) {
  const log: string[] = [];
  const modules = new Map<string, ReturnType<typeof fakeModule>>();
  const value: LoaderIo = {
    reachable: async (dir) => !(opts.unreachable ?? []).includes(dir),
    importPagefind: async (dir) => {
      log.push(`import ${dir}`);
      if ((opts.noScript ?? []).includes(dir)) throw new TypeError(`Failed to fetch ${dir}pagefind.js`);
      // Merging a folder that does not answer fails as merging one whose files fail does.
      const failing = new Set([...(opts.failingMerge ?? []), ...(opts.unreachable ?? [])]);
      if (!modules.has(dir)) modules.set(dir, fakeModule(failing, log));
      return modules.get(dir)!;
    },
  };
  return { io: value, log, modules };
}

const DIRS = ['/pagefind/part-2/', '/pagefind/part-0/', '/pagefind/part-1/'];

describe('loadIndex', () => {
  test('every part answers: the first is the primary, the others are merged, none missing', async () => {
    const { io: net, modules } = io({});
    const { missing } = await loadIndex(DIRS, {}, net);
    expect(missing).toEqual([]);
    expect(modules.get(DIRS[0]!)!.indexes).toEqual(DIRS.slice(1));
  });

  test('a part whose folder does not answer is left out: Pagefind starts again without it', async () => {
    const { io: net, log, modules } = io({ unreachable: [DIRS[1]!] });
    const { missing } = await loadIndex(DIRS, {}, net);
    expect(missing).toEqual([DIRS[1]]);
    expect(log).toContain('destroy');
    expect(modules.get(DIRS[0]!)!.indexes).toEqual([DIRS[2]]);
  });

  test('a primary that does not answer: the next part is the primary', async () => {
    const { io: net, modules } = io({ unreachable: [DIRS[0]!] });
    const { pagefind, missing } = await loadIndex(DIRS, {}, net);
    expect(missing).toEqual([DIRS[0]]);
    expect(pagefind).toBe(modules.get(DIRS[1]!));
    expect(modules.get(DIRS[1]!)!.indexes).toEqual([DIRS[2]]);
  });

  test("a primary whose script fails: the next part's script is loaded", async () => {
    const { io: net, log } = io({ noScript: [DIRS[0]!] });
    const { missing } = await loadIndex(DIRS, {}, net);
    expect(missing).toEqual([DIRS[0]]);
    expect(log).toEqual([`import ${DIRS[0]}`, `import ${DIRS[1]}`]);
  });

  test('a part that answers but fails to merge: Pagefind starts again without it', async () => {
    const { io: net, log, modules } = io({ failingMerge: [DIRS[2]!] });
    const { missing } = await loadIndex(DIRS, {}, net);
    expect(missing).toEqual([DIRS[2]]);
    expect(log).toContain('destroy');
    expect(modules.get(DIRS[0]!)!.indexes).toEqual([DIRS[1]]);
  });

  test('no part loads: it rejects', async () => {
    const { io: net } = io({ unreachable: DIRS });
    await expect(loadIndex(DIRS, {}, net)).rejects.toThrow(/no part/);
  });

  test('a single index is loaded as it is, without a check', async () => {
    const { io: net, log } = io({ unreachable: ['/pagefind/'] });
    const { missing } = await loadIndex(['/pagefind/'], {}, net);
    expect(missing).toEqual([]);
    expect(log).toEqual(['import /pagefind/']);
  });
});
