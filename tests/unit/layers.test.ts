import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

// The source folders are layers, and a module imports only from its own layer or lower ones
// (docs/design.md, "Where things are"). A rule a lower layer needs moves down to it rather than
// being imported upward. This test reads every module's import specifiers with its own small
// reader (a regular expression over import and export-from statements, and `import()` calls) and
// names each import that goes up.

/** The layers, lowest first. A folder under src/ not named here is a layer of its own above them all. */
const LAYERS = ['text', 'content', 'render', 'site', 'search', 'build', 'pages'] as const;
type Layer = (typeof LAYERS)[number] | 'import' | 'browser';

/** Layers beside the order: what each may import besides itself. */
const BESIDE: Partial<Record<Layer, readonly Layer[]>> = {
  // The importer writes content/ and renders to check what it wrote; nothing of the site.
  import: ['text', 'content', 'render'],
};

/** The layer of a file under src/ (a path relative to src/, with forward slashes). */
function layerOf(file: string): Layer {
  if (file.startsWith('search/browser/')) return 'browser';
  const top = file.split('/')[0]!;
  if (['layouts', 'components', 'styles', 'content.config.ts'].includes(top)) return 'pages';
  if (top === 'import') return 'import';
  if ((LAYERS as readonly string[]).includes(top)) return top as Layer;
  throw new Error(`src/${file} is in no layer: add its folder to LAYERS in tests/unit/layers.test.ts`);
}

/**
 * Whether a module of layer `from` may import one of layer `to`. The browser's search code is
 * part of the search layer for what it imports, and only browser code (itself, and the pages'
 * scripts) imports it.
 */
function mayImport(from: Layer, to: Layer): boolean {
  if (from === to) return true;
  if (to === 'browser') return from === 'pages';
  if (to === 'import') return false;
  const allowed = BESIDE[from];
  if (allowed) return allowed.includes(to);
  const rank = (l: Layer) => LAYERS.indexOf(l === 'browser' ? 'search' : (l as (typeof LAYERS)[number]));
  return rank(to) <= rank(from);
}

/** Every .ts and .astro file under `dir`, relative to it, with forward slashes. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => /\.(ts|astro)$/.test(f) && !f.endsWith('.d.ts'))
    .sort();
}

/**
 * The relative module specifiers a file's code names: `import … from '…'`, `import '…'`,
 * `export … from '…'` and `import('…')`, anywhere in the file (an .astro file's front matter and
 * scripts alike). Comments are left out first, so a specifier quoted in a comment is not one.
 */
function importSpecifiers(code: string): string[] {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\b[^'"`;]*?\bfrom\s*(['"])(.+?)\1/gm,
    /^\s*import\s*(['"])(.+?)\1/gm,
    /\bimport\(\s*(['"])(.+?)\1\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[2]!);
  return found.filter((s) => s.startsWith('.'));
}

test('the import reader finds every form of import, and none in comments', () => {
  const code = [
    "import a from './a.ts';",
    "import type { B } from '../b';",
    'import {',
    '  c,',
    '  d,',
    "} from '../c.ts';",
    "import './d.css';",
    "export { e } from './e.ts';",
    "export * from './f.ts';",
    "const g = await import('./g.ts');",
    "// import h from './h.ts';",
    "/* import i from './i.ts'; */",
    "import j from 'package';",
    "const k = 'https://example.org/x';",
  ].join('\n');
  expect(importSpecifiers(code)).toEqual(['./a.ts', '../b', '../c.ts', './e.ts', './f.ts', './d.css', './g.ts']);
});

test('no module imports from a layer above its own', () => {
  const src = path.resolve('src');
  const upward: string[] = [];
  for (const file of sourceFiles(src)) {
    const from = layerOf(file);
    for (const specifier of importSpecifiers(readFileSync(path.join(src, file), 'utf8'))) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      if (target.startsWith('../')) continue; // outside src/ (none today)
      const to = layerOf(target);
      if (!mayImport(from, to)) upward.push(`src/${file} (${from}) imports src/${target} (${to})`);
    }
  }
  expect(upward).toEqual([]);
});
