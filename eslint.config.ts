import eslint from '@eslint/js';
import prettierConfig from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import n from 'eslint-plugin-n';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ESLint's and typescript-eslint's recommended rules with type information, as withastro/starlight
// sets them up, over the TypeScript code and the Astro components' frontmatter and templates. A
// component's client <script> is not linted (the plugin's processor yields none of them here); the
// one there is imports src/search/browser/search-page.ts, which is.
export default defineConfig(
  globalIgnores(['dist/', '.astro/', 'content/', 'tests/.tmp/', 'tests/.scratch/', '.bench/', 'tests/fixtures/cases/']),

  {
    languageOptions: {
      globals: { ...globals.nodeBuiltin },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  astro.configs.recommended,

  // astro-eslint-parser takes a TypeScript project, not typescript-eslint's project service.
  {
    files: ['**/*.astro'],
    languageOptions: { parserOptions: { projectService: false, project: './tsconfig.json' } },
    rules: {
      // The markup an Astro template's expressions return (`{list.map((x) => <li>…</li>)}`) has
      // no type in the parser's TypeScript view of the component, so every such return would be
      // reported; `astro check` type-checks the templates.
      '@typescript-eslint/no-unsafe-return': 'off',
      // The same view can type an expression more narrowly than `astro check` does, so removing
      // an assertion it calls unnecessary (as --fix would) can break the component's types.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },

  // One import style: a relative import names its file with its extension, as Node needs for the
  // scripts it runs directly (`node scripts/*.ts`). `npx eslint --fix .` adds missing extensions.
  {
    plugins: { n },
    rules: { 'n/file-extension-in-import': ['error', 'always'] },
  },

  // Code that runs in the page: the browser's globals.
  {
    files: ['src/search/browser/**', 'src/**/*.astro'],
    languageOptions: { globals: { ...globals.browser } },
  },

  prettierConfig,

  // Exceptions, each with why.
  {
    rules: {
      // vitest's `expect(obj.method)` passes methods unbound on purpose (as in Starlight).
      '@typescript-eslint/unbound-method': 'off',
      // An empty catch states "not this one" when probing (as in Starlight).
      'no-empty': ['error', { allowEmptyCatch: true }],
      // A name starting with `_` is left out on purpose (`const { id: _id, ...rest } = x` drops a
      // field), as in Starlight.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          ignoreRestSiblings: true,
          destructuredArrayIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          argsIgnorePattern: '^_',
        },
      ],
      // A union may name each kind it takes (`ArticleData | VersionData`, `string | 'ambiguous'`)
      // even where one type covers the other; as in Starlight.
      '@typescript-eslint/no-duplicate-type-constituents': 'off',
      '@typescript-eslint/no-redundant-type-constituents': 'off',
      // The content checker finds and shows control characters, and the build log's tests take
      // out terminal colour codes: matching them is the point.
      'no-control-regex': 'off',
    },
  },

  // Fakes in tests stand in for asynchronous APIs (Pagefind's, a loader's): their methods are
  // async to have the real signature, with nothing to await.
  {
    files: ['tests/**'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
);
