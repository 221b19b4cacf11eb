// The design system's stylesheet as the build trims it (scripts/postcss-dkfds.mjs): what our pages use stays, what no
// source of ours can produce goes, and the fonts become IBM's split files with their unicode ranges.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the build, without types
import { SUBSETS, trimDkfds } from '../../scripts/postcss-dkfds.mjs';

const source = path.resolve('node_modules/dkfds/dist/css/dkfds.min.css');
const { root, rejected } = (await trimDkfds(readFileSync(source, 'utf8'), postcss, source)) as { root: postcss.Root; rejected: string[] };
const css = root.toString();
const selectors = new Set<string>();
root.walkRules((rule) => rule.selectors.forEach((s) => selectors.add(s)));

describe('the trimmed DKFDS stylesheet', () => {
  it('is a fraction of the original', () => {
    expect(css.length).toBeLessThan(readFileSync(source, 'utf8').length / 3);
  });

  it('keeps the classes our pages use, also those put together at run time', () => {
    const kept = [...selectors].join('\n');
    for (const name of ['button-primary', 'form-error', 'form-error-message', 'alert-error', 'alert-success', 'badge-success', 'skipnav', 'form-input', 'step-indicator'])
      expect(new RegExp(`\\.${name}(?![\\w-])`).test(kept), name).toBe(true);
  });

  it('drops what no page of ours produces', () => {
    expect(rejected.some((s) => s.startsWith('.date-picker'))).toBe(true);
    expect(css).not.toContain('.date-picker');
  });

  it('points every IBM Plex Sans face at a split file that exists, with its unicode range', () => {
    const faces: { src: string; range: string }[] = [];
    root.walkAtRules('font-face', (rule) => {
      const get = (p: string) => (rule.nodes?.find((n) => n.type === 'decl' && n.prop === p) as postcss.Declaration | undefined)?.value ?? '';
      if (get('font-family').includes('IBM Plex Sans')) faces.push({ src: get('src'), range: get('unicode-range') });
    });
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      const url = /url\(([^)]+)\)/.exec(face.src)![1]!;
      expect(existsSync(path.resolve(path.dirname(source), url)), url).toBe(true);
      expect(Object.values(SUBSETS)).toContain(face.range);
    }
    expect(css).not.toContain('/complete/');
  });
});
