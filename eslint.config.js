// Lint config. The process boundaries of docs/architecture.md live in one table (LAYERS): which layer may not
// import what. A violation is a lint error, and CI runs lint.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const layer = (name) => [`**/${name}`, `**/${name}/**`];
/** A layer's folder except one file in it (a path under the folder, as imported): a regular expression restriction. */
const layerExcept = (name, file) => ({ regex: `(^|/)${name}(/(?!${file.replaceAll('.', '\\.')}$).*)?$` });

/** folder → forbidden import patterns, with the reason shown in the lint message. */
const LAYERS = {
  'src/core': {
    patterns: ['electron', 'react', 'react-dom', ...layer('main'), ...layer('renderer'), ...layer('preload'), ...layer('cli'), ...layer('shared')],
    why: 'core is pure domain code over node:fs: no Electron, React, or app layers',
  },
  'src/shared': {
    // One exception: core's module name and version rules, a file free of imports, so the contract refuses
    // exactly what core would throw on instead of keeping a looser copy of them.
    patterns: ['electron', 'react', ...nodeBuiltins, layerExcept('core', 'module/name-version.js'), ...layer('main'), ...layer('renderer'), ...layer('preload'), ...layer('cli')],
    why: 'the IPC contract is loaded by every process, the sandboxed renderer included: zod only (and core/module/name-version)',
  },
  'src/renderer': {
    patterns: ['electron', ...nodeBuiltins, ...layer('core'), ...layer('main'), ...layer('preload'), ...layer('cli')],
    why: 'the renderer is untrusted web content: it reaches the system only through the preload API',
  },
  'src/preload': {
    patterns: [...nodeBuiltins, ...layer('core'), ...layer('main'), ...layer('renderer'), ...layer('cli'), 'react'],
    why: 'the sandboxed preload only bridges the contract to the renderer',
  },
  'src/main': {
    patterns: [...layer('renderer'), ...layer('cli'), 'react', 'react-dom'],
    why: 'main owns the file system through core and never imports UI or CLI code',
  },
  'src/cli': {
    patterns: ['electron', 'react', ...layer('main'), ...layer('renderer'), ...layer('preload'), ...layer('shared')],
    why: 'the CLI is a face over core and never loads Electron',
  },
};

// Node built-ins are matched as exact module names: as gitignore-style patterns, `module` or `test` would
// also forbid a relative import through any folder of that name (e.g. renderer/features/module).
const builtinSet = new Set(nodeBuiltins);
const exactNames = (names) => `^(${names.join('|')})(/.*)?$`;

const layerRules = Object.entries(LAYERS).map(([folder, { patterns, why }]) => {
  const builtins = patterns.filter((p) => builtinSet.has(p));
  const groups = patterns.filter((p) => typeof p === 'string' && !builtinSet.has(p));
  const restrictions = [{ group: groups, message: why }];
  if (builtins.length > 0) restrictions.push({ regex: exactNames(builtins), message: why });
  for (const { regex } of patterns.filter((p) => typeof p === 'object')) restrictions.push({ regex, message: why });
  return {
    files: [`${folder}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns: restrictions }] },
  };
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
  {
    // The CLI's launcher loads the CommonJS build (scripts/build-cli.mjs).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  ...layerRules,
);
