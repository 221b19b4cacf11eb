import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';
import boundaries from './eslint-rules/client-boundary.mjs';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      // An update or delete without a where clause would touch every application.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The library must never reach into routes: arrows run app → lib → db/schema.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@/app/*', '**/app/*'], message: 'lib, db and components never import from app/.' }] }],
    },
  },
  {
    // lib/cases (assignment, queue, case page) builds on lib/applications (the one state-change service), never back.
    files: ['lib/applications/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@/app/*', '**/app/*'], message: 'lib, db and components never import from app/.' },
        { group: ['@/lib/cases/*', '**/lib/cases/*'], message: 'lib/applications never imports lib/cases: cases build on applications.' },
      ] }],
    },
  },
  {
    // db/ is the bottom layer: nothing in it imports app/ or lib/.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@/app/*', '**/app/*'], message: 'lib, db and components never import from app/.' },
        { group: ['@/lib/*', '**/lib/*', '@/lib', '**/lib'], message: 'db/ is the bottom layer: it imports nothing from lib/.' },
      ] }],
    },
  },
  {
    // The shared words are read by client code (through lib/vocabulary), so they stay free of every import.
    files: ['db/vocabulary.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['*', '.*', '@/*'], message: 'db/vocabulary imports nothing: client code reads it.' }] }] },
  },
  {
    // A 'use client' module never reaches db/, directly or through the modules it imports.
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    plugins: { boundaries },
    rules: { 'boundaries/client-boundary': 'error' },
  },
  globalIgnores(['.next/**', '.next-bench/**', 'out/**', 'build/**', 'next-env.d.ts', '.data/**', 'db/migrations/**', 'node_modules/**']),
]);
