// Lint rules, including the one-way import rule of the architecture: the flow engine is
// pure, so src/flows may not import anything that does I/O, nor may the errors it raises.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ioModules = [
  'grammy',
  'grammy/*',
  '@grammyjs/*',
  'whatsapp-web.js',
  '@prisma/*',
  'prisma',
  'bullmq',
  'ioredis',
  'i18next',
  'i18next-*',
  'pg',
  'pino',
  'node:fs',
  'node:fs/*',
  'fs',
  'node:child_process',
  'node:net',
  'node:http',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.data/',
      'dist/',
      'src/store/generated/',
      'coverage/',
      'artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/flows/**/*.ts', 'src/errors/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ioModules, message: 'src/flows and src/errors are pure: no I/O.' }] },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'this folder is pure.' }],
    },
  },
  {
    // Screens read through finders (src/store/finders) and write through domain functions;
    // views escape everything they show, with no way around it.
    files: ['src/web/**/*.ts', 'src/web/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/prisma-client*', '**/store/generated/**', '@prisma/*'],
              allowTypeImports: true,
              message:
                'src/web reads through src/store/finders and writes through domain functions.',
            },
            {
              group: ['hono/html', 'hono/utils/*'],
              message: 'views escape everything: no raw HTML.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'views escape everything: no raw HTML.',
        },
        {
          selector:
            "MemberExpression[object.name='prisma'], MemberExpression[object.property.name='prisma']",
          message: 'src/web reads through src/store/finders and writes through domain functions.',
        },
      ],
    },
  },
  {
    files: ['src/conversations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bots/**', '**/store/**', '**/jobs/**', 'grammy', 'whatsapp-web.js'],
              message: 'conversations defines ports; it never imports an adapter.',
            },
          ],
        },
      ],
    },
  },
);
