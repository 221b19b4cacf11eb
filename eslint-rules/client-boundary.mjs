// ESLint rule: a 'use client' module never reaches the database layer. It may not import `@/db` (or a path into db/)
// itself, nor import a module that does, at any depth: drizzle's tables and the pool would be bundled for the browser.
// Type-only imports are erased (followed only when written in the client file itself), and a 'use server' module is a
// boundary (the browser gets a reference to its actions, not its code). Client-safe shared words live in lib/vocabulary,
// which re-exports db/vocabulary: the one file of db/ with no imports (lint keeps it so), and the one client code may reach.
import fs from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const dbFolder = path.join(root, 'db') + path.sep;
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

function resolve(fromFile, spec) {
  let base;
  if (spec.startsWith('@/')) base = path.join(root, spec.slice(2));
  else if (spec.startsWith('.')) base = path.resolve(path.dirname(fromFile), spec);
  else return null;
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

const sharedWords = path.join(root, 'db', 'vocabulary.ts');
const isDb = (file) => file.startsWith(dbFolder) && file !== sharedWords;

// import/export statements whose bindings survive compilation (not `import type`, not all-`type` specifier lists).
const STATEMENT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"]([^'"]+)['"]/g;
function valueImports(source) {
  const found = [];
  for (const m of source.matchAll(STATEMENT)) {
    if (m[1]) continue;
    const clause = m[2] ?? '';
    const braces = clause.match(/^\{([^}]*)\}$/s);
    if (braces && braces[1].split(',').map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith('type '))) continue;
    found.push(m[3]);
  }
  return found;
}

const importsOf = new Map(); // file → the files its value imports resolve to ([] for a 'use server' module)
function dependencies(file) {
  if (!importsOf.has(file)) {
    const source = fs.readFileSync(file, 'utf8');
    const isServerActions = /^\s*(?:\/\/[^\n]*\n\s*)*['"]use server['"]/.test(source);
    importsOf.set(file, isServerActions ? [] : valueImports(source).map((spec) => resolve(file, spec)).filter(Boolean));
  }
  return importsOf.get(file);
}

/** The shortest chain of imports from `start` into db/, or null. */
function chainToDb(start) {
  const parent = new Map([[start, null]]);
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    if (isDb(file)) {
      const chain = [];
      for (let f = file; f; f = parent.get(f)) chain.unshift(f);
      return chain;
    }
    for (const next of dependencies(file)) {
      if (!parent.has(next)) {
        parent.set(next, file);
        queue.push(next);
      }
    }
  }
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: "A 'use client' module never imports the database layer (@/db), directly or through another module." },
    schema: [],
    messages: {
      direct: "Client code must not import '{{spec}}': db/ holds tables and the pool. Shared words live in @/lib/vocabulary.",
      indirect: "Client code must not import '{{spec}}': it reaches db/ ({{chain}}). Shared words live in @/lib/vocabulary.",
    },
  },
  create(context) {
    const filename = context.filename;
    const body = context.sourceCode.ast.body;
    const isClient = body.some((n) => n.type === 'ExpressionStatement' && n.directive === 'use client');
    if (!isClient) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const spec = node.source.value;
      const target = resolve(filename, spec);
      if (!target) return;
      if (target.startsWith(dbFolder)) return context.report({ node, messageId: 'direct', data: { spec } });
      const typeOnly =
        node.importKind === 'type' ||
        node.exportKind === 'type' ||
        (node.specifiers?.length > 0 && node.specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type'));
      if (typeOnly) return;
      const chain = chainToDb(target);
      if (chain) context.report({ node, messageId: 'indirect', data: { spec, chain: chain.map((f) => path.relative(root, f)).join(' → ') } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

const plugin = { rules: { 'client-boundary': rule } };
export default plugin;
