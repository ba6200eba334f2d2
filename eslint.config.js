/**
 * ESLint: the recommended rules for JavaScript, TypeScript and Vue, no unused code, and the layers.
 *
 * Layers (each rule below says why):
 * - the renderer never imports services, main, the preload or Electron — only the shared contract;
 * - `electron/shared` imports nothing of ours outside itself (it is loaded by main, renderer, scripts);
 * - services, the contract, dispatch, handlers, the web transport and the pure modules of main never
 *   load Electron at runtime (type-only imports are erased and allowed): they run in tests and in the
 *   web server, where Electron cannot. Only `main/index.ts` and `main/window.ts` wire Electron in;
 * - the preload loads only Electron and the dependency-free method list (no zod in the sandbox).
 * `tests/unit/lint/layers.test.ts` proves each rule refuses what it should.
 */
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'

/** Runtime (not type-only) loads of Electron: static imports are handled by no-restricted-imports. */
const electronAtRuntime = [
  {
    selector: 'ImportExpression[source.value=/^electron(\\u002F|$)/]',
    message: 'Electron is loaded only by main/index.ts and main/window.ts (this code runs without Electron).',
  },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron(\\u002F|$)/]",
    message: 'Electron is loaded only by main/index.ts and main/window.ts (this code runs without Electron).',
  },
]

/** The package `electron` or a subpath (`electron/renderer`), not a folder of ours named electron. */
const ELECTRON = '^electron(/|$)'

const noElectron = {
  regex: ELECTRON,
  allowTypeImports: true,
  message: 'Electron is loaded only by main/index.ts and main/window.ts (this code runs without Electron).',
}

/** Restricted imports for one layer (the TypeScript rule, so type-only imports can be allowed). */
const restrict = (...patterns) => ({
  'no-restricted-imports': 'off',
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
})

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      // Bench and screenshot builds (out-bench/…), ignored by git too.
      'out-*/',
      'dist/',
      'tests/artifacts/',
      'tests/fixtures/',
      'bench/.cache/',
      '**/*.d.ts',
      '.ci/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Formatting is Prettier's job; the Vue layout rules would fight it.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/attribute-hyphenation': 'off',
      'vue/v-on-event-hyphenation': 'off',
      // Several modules match control characters on purpose, to refuse them in names and paths.
      'no-control-regex': 'off',
      // Attribute order in templates is style, not correctness.
      'vue/attributes-order': 'off',
    },
  },
  {
    // Fakes of Electron and Node objects are loosely typed on purpose; the code under test is not.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      {
        group: [
          '**/electron/services/**',
          '**/electron/main/**',
          '**/electron/preload/**',
          '**/electron/web/**',
        ],
        message: 'The renderer talks to main only through the contract (@shared) and the bridge.',
      },
      {
        group: [
          '**/electron/dispatch',
          '**/electron/handlers',
          '**/electron/workspaceHandlers',
          '**/electron/events',
        ],
        message: 'The renderer talks to main only through the contract (@shared) and the bridge.',
      },
      { regex: ELECTRON, message: 'The renderer never imports Electron.' },
    ),
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      ...restrict(
        { group: ['../*', '@shared/*'], message: 'electron/shared imports nothing of ours outside itself.' },
        noElectron,
      ),
      'no-restricted-syntax': ['error', ...electronAtRuntime],
    },
  },
  {
    files: ['electron/shared/methods.ts'],
    rules: restrict({
      regex: '.*',
      allowTypeImports: true,
      message: 'methods.ts is loaded by the sandboxed preload: it imports nothing at runtime.',
    }),
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: {
      ...restrict(noElectron, {
        group: ['**/main/**', '**/preload/**', '**/renderer/**', '**/web/**'],
        message: 'Services never import main, the preload, the renderer or the web transport.',
      }),
      'no-restricted-syntax': ['error', ...electronAtRuntime],
    },
  },
  {
    files: [
      'electron/web/**/*.ts',
      'electron/dispatch.ts',
      'electron/handlers.ts',
      'electron/workspaceHandlers.ts',
      'electron/events.ts',
      'electron/main/**/*.ts',
    ],
    ignores: ['electron/main/index.ts', 'electron/main/window.ts'],
    rules: {
      ...restrict(noElectron, {
        group: ['**/main/index', '**/main/window', './index', './window'],
        message: 'main/index.ts and main/window.ts load Electron: pure modules never import them.',
      }),
      'no-restricted-syntax': ['error', ...electronAtRuntime],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict({
      regex: '^(?!electron$|\\.\\./shared/methods$)',
      allowTypeImports: true,
      message: 'The sandboxed preload loads only Electron and ../shared/methods (no zod in the sandbox).',
    }),
  },
)
