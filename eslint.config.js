// Lint, including the layer boundaries of DESIGN.md §3:
//   assembly/ → nothing (scripts/check-kernel.mjs); core/ → assembly/ only (no Node, DOM or Electron, no clock, no Math.random);
//   electron/preload → electron + type-only contracts; electron/main → core, never the kernel or planner;
//   renderer/ → core (and assembly/abi), never Node, Electron or electron/*.
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'url', 'util', 'crypto'];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: [
    // AssemblyScript puts decorators on functions, which no TypeScript parser accepts: its import boundary is
    // checked by scripts/check-kernel.mjs and its code by the asc compiler.
    'assembly/**/*.ts', '!assembly/abi.ts',
    'node_modules/', 'out/', 'assembly/build/', 'test-results/', 'playwright-report/', 'examples/', 'schema/'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
    },
  },
  {
    files: ['core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      ...restrict([
        { group: NODE_BUILTINS, message: 'core/ is pure TypeScript: no Node built-ins.' },
        { group: ['electron', 'vue', 'pinia', 'echarts', 'vue-echarts', 'vue-i18n'], message: 'core/ runs everywhere: no UI or Electron libraries.' },
        { group: ['**/electron/*', '**/renderer/*', '**/test/*', '**/bench/*'], message: 'core/ imports only from core/ and assembly/.' },
      ]),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'navigator', 'localStorage', 'fetch'],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Seeded randomness only (core/examples/random.ts).' },
        { object: 'Date', property: 'now', message: 'No clock in core: results must be reproducible.' },
        { object: 'performance', property: 'now', message: 'No clock in core: time in benchmarks or the caller.' }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([
      { regex: '(^|/)core/(?!desktop/api$)', message: 'The preload bundles only the core/desktop/api contract.' },
      { group: ['**/renderer/*', '**/main/*', ...NODE_BUILTINS], message: 'The preload exposes IPC only: electron and the core/desktop/api contract.' },
    ]),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict([
      { group: ['**/renderer/*', '**/cli/*'], message: 'electron/main does not import the renderer or the CLI.' },
      { group: ['**/core/plan/*', '**/core/kernel/*', '**/core/reference/*', '**/core/model/*', '**/assembly/*'], message: 'The main process never computes.' },
    ]),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.vue'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict([
      { group: NODE_BUILTINS, message: 'The renderer reaches files only through the desktop API.' },
      { group: ['electron', '**/electron/*'], message: 'The renderer talks to Electron only through the preload API (window.hostfit).' },
    ]),
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.{ts,mjs}', 'bench/**/*.ts', 'test/**/*.ts', 'bin/**/*.mjs', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
