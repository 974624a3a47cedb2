import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';

// Node.js's globals, for the plain scripts under bench/ (typed code imports what it uses).
const nodeGlobals = Object.fromEntries(['process', 'console', 'Buffer', 'fetch', 'require', '__dirname'].map((name) => [name, 'readonly']));

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/.nx/**', '**/.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      // Web apps never import API code; libs never import apps.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
    },
  },
  {
    // The benchmark scripts and the tests' helper processes are plain Node.js modules.
    files: ['bench/**/*.mjs', 'bench/**/*.cjs', 'apps/api/test/**/*.cjs'],
    languageOptions: { globals: nodeGlobals },
  },
  { files: ['bench/**/*.cjs', 'apps/api/test/**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    // The role-permission map in libs/contracts is the one rule of who may do what: ask it
    // (roleHasPermission, usePermission, rolesWith) rather than compare roles.
    files: ['apps/*/src/**/*.ts', 'apps/*/src/**/*.tsx'],
    // Tests, the schema and the demo data name roles as data, not as rules.
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.test.ts', '**/*.test.tsx', '**/__tests__/**', '**/test/**', 'apps/api/src/database/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "BinaryExpression[operator=/^[!=]==?$/]:matches([left.object.name='Role'], [right.object.name='Role'], [left.value=/^(owner|clinician|assistant)$/], [right.value=/^(owner|clinician|assistant)$/])",
          message: 'Ask the permission map (roleHasPermission / usePermission) instead of comparing roles.',
        },
        {
          selector: ":matches(TemplateElement[value.raw=/\\brole\\s*(=|<>|!=|IN)\\s*\\(?\\s*'/i], Literal[value=/\\brole\\s*(=|<>|!=|IN)\\s*\\(?\\s*'/i])",
          message: "Choose roles in SQL with rolesWith(permission) as a parameter (role = ANY($n)), not by name.",
        },
      ],
    },
  },
  {
    // A feature reaches another through its module's service (or its <feature>.pipes.ts);
    // helpers several features use live in common/.
    files: ['apps/api/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*/*.controller'], message: 'Import the other feature’s service or pipes, or move the shared helper to common/.' }] },
      ],
    },
  },
  {
    // Nest's dependency injection reads constructor parameter types at run time, so
    // type-only imports would break it in the API.
    files: ['apps/api/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
