import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import semver from 'semver';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import { listFiles } from '../../src/content/files.ts';

// package.json says what the code needs: every package the code imports is declared, what the
// site and the commands users run (build, check, import) need at run time is a dependency (so
// `npm ci --omit=dev` is enough for them), nothing declared goes unused, and `engines` admits
// only a Node that runs `node scripts/*.ts` as the npm scripts do. The imports are read here
// with TypeScript's own parser, sharing nothing with the project's code.

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const runtime = new Set(Object.keys(pkg.dependencies));
const declared = new Set([...runtime, ...Object.keys(pkg.devDependencies)]);

/** Declared packages no code imports, each with what uses it instead. */
const TOOLS: Record<string, string> = {
  node: 'the Node that runs the npm scripts (`node scripts/*.ts`, astro, vitest)',
  typescript: 'type checking by `astro check`',
  '@astrojs/check': '`astro check` in `npm run lint:types`',
  prettier: '`prettier --check .` in `npm run lint:format`',
  'npm-run-all2': '`run-p` and `run-s` in `npm test` and `npm run lint`, running the checks beside vitest',
  'prettier-plugin-astro': 'named in .prettierrc.json',
};

/** Code files under `dir`, as paths relative to the project. */
async function codeFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir))
    .map((rel) => path.join(dir, rel))
    .filter((file) => /\.(ts|mts|js|mjs|astro)$/.test(file));
}

/** An import found in a file: what it names, and whether only types are taken from it. */
interface Use {
  specifier: string;
  typeOnly: boolean;
}

/** The TypeScript parts of a file: all of a .ts file; an .astro file's frontmatter and scripts. */
function scriptsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return [text];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script(?![^>]*type="application\/ld\+json")[^>]*>([\s\S]*?)<\/script>/g)];
  return [frontmatter, ...scripts.map((m) => m[1]!)];
}

const usesByFile = new Map<string, Use[]>();

/** Every module a file imports: import/export declarations, import(), require() and *.resolve() of a string. */
function usesOf(file: string): Use[] {
  const known = usesByFile.get(file);
  if (known) return known;
  const uses: Use[] = [];
  usesByFile.set(file, uses);
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const typeOnly = ts.isImportDeclaration(node)
        ? node.importClause?.phaseModifier === ts.SyntaxKind.TypeKeyword
        : node.isTypeOnly;
      if (ts.isStringLiteral(node.moduleSpecifier)) uses.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      // import('x'), require('x'), require.resolve('x'), import.meta.resolve('x'), createRequire(...).resolve('x')
      const loads =
        callee.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(callee) && callee.text === 'require') ||
        (ts.isPropertyAccessExpression(callee) &&
          callee.name.text === 'resolve' &&
          (!ts.isIdentifier(callee.expression) || callee.expression.text === 'require'));
      if (loads) uses.push({ specifier: node.arguments[0].text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  for (const script of scriptsOf(file)) visit(ts.createSourceFile(file, script, ts.ScriptTarget.Latest, true));
  return uses;
}

/** The package a bare specifier names ('@scope/name/x' -> '@scope/name'), or null for files, Node and Astro's own modules. */
function packageOf(specifier: string): string | null {
  if (/^(\.|\/|node:|astro:|virtual:)/.test(specifier) || builtinModules.includes(specifier.split('/')[0]!))
    return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The package providing a package's types: 'x' -> '@types/x', '@scope/x' -> '@types/scope__x'. */
function typesPackage(name: string): string {
  return `@types/${name.replace(/^@/, '').replace('/', '__')}`;
}

/** The file a relative import names, trying the extensions the project uses; null if none exists. */
function resolveFile(from: string, specifier: string): string | null {
  const target = path.join(path.dirname(from), specifier.replace(/\?.*$/, ''));
  for (const candidate of [target, `${target}.ts`, `${target}.astro`, path.join(target, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

const ALL = [
  ...(await Promise.all(['src', 'bench', 'scripts', 'tests'].map(codeFiles)))
    .flat()
    .filter((f) => !f.startsWith(path.join('tests', '.tmp'))),
  'astro.config.ts',
  'vitest.config.ts',
];

const PAGES = await codeFiles('src/pages');

/**
 * What runs when a user builds the site or runs `npm run check` or `npm run import`: those
 * entry points and every file they import, followed file by file. The render-ahead worker is
 * started by its URL (`new Worker(new URL(...))`), not imported, so it is an entry point too.
 */
function runtimeFiles(): string[] {
  const entries = [
    'astro.config.ts',
    'src/content.config.ts',
    ...PAGES,
    'scripts/check.ts',
    'scripts/import.ts',
    'src/render/render-ahead-worker.ts',
  ];
  const seen = new Set<string>();
  const queue = entries.map((e) => path.normalize(e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !/\.(ts|astro|mjs|js)$/.test(file)) continue;
    seen.add(file);
    for (const { specifier } of usesOf(file)) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveFile(file, specifier);
      if (target) queue.push(path.normalize(target));
    }
  }
  return [...seen];
}

describe('package.json', { timeout: 30_000 }, () => {
  test('every package the code imports is declared (types may come from @types/)', () => {
    const undeclared = ALL.flatMap((file) =>
      usesOf(file).flatMap(({ specifier, typeOnly }) => {
        const name = packageOf(specifier);
        if (!name || declared.has(name) || (typeOnly && declared.has(typesPackage(name)))) return [];
        return [`${file}: ${specifier}`];
      }),
    );
    expect(undeclared).toEqual([]);
  });

  test('what the site, the checker and the importer load at run time is a dependency, not a devDependency', () => {
    const files = runtimeFiles();
    // The walk reached the site, the checker and the importer, not only the entry points.
    expect(files).toEqual(
      expect.arrayContaining([
        path.normalize('src/search/write-part.ts'),
        path.normalize('src/import/extract.ts'),
        path.normalize('src/content/check.ts'),
        path.normalize('src/search/browser/search-page.ts'),
      ]),
    );
    const devOnly = files.flatMap((file) =>
      usesOf(file).flatMap(({ specifier, typeOnly }) => {
        const name = packageOf(specifier);
        return name && !typeOnly && !runtime.has(name) ? [`${file}: ${specifier}`] : [];
      }),
    );
    expect(devOnly).toEqual([]);
  });

  test('every declared package is imported somewhere, provides the types of one that is, or is a named tool', () => {
    const imported = new Set(ALL.flatMap((f) => usesOf(f).flatMap((u) => packageOf(u.specifier) ?? [])));
    imported.add('node'); // @types/node: the code uses Node's own modules throughout
    const typed = new Set([...imported].map(typesPackage));
    const unused = [...declared].filter((name) => !imported.has(name) && !typed.has(name) && !(name in TOOLS));
    expect(unused).toEqual([]);
    const prettierrc = JSON.parse(readFileSync('.prettierrc.json', 'utf8')) as { plugins: string[] };
    expect(prettierrc.plugins).toContain('prettier-plugin-astro');
  });

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
