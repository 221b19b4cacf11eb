// One door per kind of caller, read off the source: every route handler is made by route() and every server action
// opens with action(), so a new one cannot skip the checks the door makes. The two route handlers that keep their own
// code are named here, each with its reason.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** Auth.js answers its own endpoints; the benchmark's floor is what the door is measured against. */
const OWN_CODE = ['app/api/auth/[...nextauth]/route.ts', 'app/api/bench/floor/route.ts'];

function files(dir: string, match: (name: string) => boolean): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(rel, match);
    return match(entry.name) ? [rel] : [];
  });
}

const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('route handlers', () => {
  const handlers = files('app', (name) => name === 'route.ts' || name === 'route.tsx');

  it('are found', () => {
    expect(handlers.length).toBeGreaterThan(20);
    expect(handlers).toEqual(expect.arrayContaining(OWN_CODE));
  });

  it.each(handlers.filter((f) => !OWN_CODE.includes(f)))('%s is made by route()', (file) => {
    const source = read(file);
    expect(source).toMatch(/import \{[^}]*\broute\b[^}]*\} from '@\/lib\/http\/route'/);
    // A method is a route() of its own, or (the match's POST) picks between routes by the body's type.
    const methods = [...source.matchAll(/^export (?:const|(?:async )?function) (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)].length;
    const doors = [...source.matchAll(/\broute(?:<[^>]*>)?\(\s*\{/g)].length;
    expect(methods).toBeGreaterThan(0);
    expect(doors).toBeGreaterThanOrEqual(methods);
  });
});

describe('server actions', () => {
  const modules = [...files('app', (n) => /\.tsx?$/.test(n)), ...files('lib', (n) => /\.tsx?$/.test(n))].filter((f) => /^\s*(?:\/\/[^\n]*\n\s*)*'use server'/.test(read(f)));

  it('are found', () => {
    expect(modules).toEqual(expect.arrayContaining(['lib/auth/actions.ts', 'lib/i18n/actions.ts', 'app/(backoffice)/caseworker/actions.ts']));
  });

  it.each(modules)('every action of %s opens with action()', (file) => {
    const source = read(file);
    const actions = source.split(/^export async function /m).slice(1);
    expect(actions.length).toBeGreaterThan(0);
    for (const body of actions) {
      const name = body.slice(0, body.indexOf('('));
      // The function's own body: up to the next top-level declaration.
      const own = body.split(/^(?:export |async |function |const |type )/m)[0]!;
      expect(own, name).toMatch(/\baction\(\{/);
    }
  });
});
