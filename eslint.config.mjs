// Lint rules that guard the architecture (src/core never sees the editor API) and async
// correctness (every promise is awaited or deliberately marked `void`).
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// The browser build (dist/web/extension.js) runs in a web worker: no Node built-in exists there.
// Code the browser entry can reach must not import one, bare (`fs`) or prefixed (`node:fs`).
const browserMessage = 'The browser build reaches this file: no Node built-ins. Put Node-only code in src/node/ or src/vscode/node/, or give the module a `.browser.ts` twin (see scripts/browserBundle.mjs).';
const nodeBuiltins = {
  paths: builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: browserMessage })),
  patterns: [{ group: ['node:*'], message: browserMessage }],
};
const vscodeInCore = { name: 'vscode', message: 'src/core and src/workspace are pure: reach the editor only from src/vscode.' };
// Desktop-only by design: the desktop entry, its Node adapters, the `.ts` twins that the browser
// build replaces with `.browser.ts`, and the features that run git (agreement across branches,
// git merge setup). extension.browser.ts never imports them.
const nodeOnly = [
  'src/vscode/extension.node.ts',
  'src/vscode/node/**',
  'src/vscode/agreement/**',
  'src/vscode/git/**',
  'src/vscode/editing/annotatorName.ts',
  'src/core/text/sha256.ts',
  'src/core/text/sameBytes.ts',
];

export default tseslint.config(
  { ignores: ['dist/', 'out/', 'out-*/', 'node_modules/', '.vscode-test/', '.test-artifacts/', 'sample-corpus/', '**/*.vsix'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/workspace/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [vscodeInCore, ...nodeBuiltins.paths], patterns: nodeBuiltins.patterns }],
      'no-restricted-globals': ['error', { name: 'acquireVsCodeApi', message: 'src/core is pure.' }],
    },
  },
  {
    files: ['src/vscode/**/*.ts'],
    ignores: nodeOnly,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.paths,
          patterns: [
            ...nodeBuiltins.patterns,
            { regex: '(^|/)node/', message: 'src/node is the local disk and child processes: the browser build cannot have it. Reach it from src/vscode/node/ or extension.node.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: nodeOnly.filter((pattern) => pattern.startsWith('src/core/')),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [vscodeInCore] }] },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly' },
    },
  },
);
