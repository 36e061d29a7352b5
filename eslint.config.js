// Lint, including the layer rules of docs/architecture.md ("Never: renderer → main; shared → anything
// outside shared; core → electron, react or an HTTP server").
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'stream', 'url', 'worker_threads', 'zlib'];
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/renderer/**', 'test/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/renderer/**', 'test/renderer/**'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // A missing dependency is a stale read waiting to happen: it fails the lint, not just warns.
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/shared/**'],
    rules: restrict(
      [...NODE_BUILTINS, 'electron', 'react', 'react-dom', 'antd', 'better-sqlite3', 'kysely', '**/main/**', '**/renderer/**', '../../main/*', '../../renderer/*'],
      'src/shared runs anywhere: it may import only from src/shared and pure libraries.',
    ),
  },
  {
    files: ['src/main/core/**'],
    rules: restrict(
      ['electron', 'react', 'react-dom', 'antd', '@ant-design/*', 'node:http', 'node:https', 'node:net', 'http', 'https', 'net', '**/renderer/**', '**/electron/**', '**/cli/**', '**/web/**', '**/hub/**', '**/http/**'],
      'The core is plain Node: no electron, no React, no servers (HTTP servers are hosts), no host code.',
    ),
  },
  {
    files: ['src/main/cli/**', 'src/main/web/**', 'src/main/hub/**', 'src/main/http/**'],
    rules: restrict(['electron', 'react', 'react-dom', 'antd', '**/renderer/**', '**/electron/**'], 'CLI, web host and sync hub run without Electron or the UI.'),
  },
  {
    files: ['src/main/electron/**'],
    rules: restrict(['react', 'react-dom', 'antd', '**/renderer/**'], 'The Electron shell must not import the UI.'),
  },
  {
    files: ['src/renderer/**'],
    rules: restrict(
      [...NODE_BUILTINS, 'electron', 'better-sqlite3', 'kysely', '**/main/**'],
      'The renderer talks to the core only through src/renderer/api and the contract.',
    ),
  },
  {
    files: ['src/renderer/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXOpeningElement[name.name='Form']", message: 'Use LedgerForm (src/renderer/ui/LedgerForm.tsx): it clears a field\'s message when the field changes.' },
      ],
    },
  },
);
