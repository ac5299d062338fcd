// Lint: typescript-eslint's strict type-checked rules, import cycles, and Prettier owns layout.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import {createTypeScriptImportResolver} from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/', 'bench/.cache/']},
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
    plugins: {'import-x': importX},
    settings: {'import-x/resolver-next': [createTypeScriptImportResolver()]},
    rules: {
      'import-x/no-cycle': ['error', {ignoreExternal: true}],
      // Template literals with numbers are how messages are built everywhere; booleans and objects stay refused.
      '@typescript-eslint/restrict-template-expressions': ['error', {allowNumber: true}],
      // noUncheckedIndexedAccess types every index as possibly undefined; where the code has just checked
      // the bounds (or a Map key it set), `!` is the visible mark of that reasoning. Everything else is strict.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // `const {drop: _, ...rest} = x` is how an object loses a key without mutation.
      '@typescript-eslint/no-unused-vars': ['error', {ignoreRestSiblings: true}],
    },
  },
  {
    // Tests read CLI output back with JSON.parse and assert on its shape: that value is `any` by nature;
    // and they match terminal output, escape codes included.
    files: ['test/**/*.ts'],
    rules: {
      'no-control-regex': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly'}},
  },
  prettier,
)
