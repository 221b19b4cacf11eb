// Build-time trim of the design system's stylesheet (DKFDS), the one stylesheet every page waits for. Two changes, to
// that file only:
// - its IBM Plex Sans faces point at IBM's split fonts with their unicode ranges, so a browser downloads only the
//   subsets a page's text needs (Latin 1 for most pages, about 17 KB a weight, instead of the complete 57–79 KB files);
// - the rules no source of ours can produce are left out: PurgeCSS keeps every selector whose class, id or element
//   name appears in app/, components/ or lib/, plus the class families built at run time (safelist below).
// Everything else of the stylesheet is kept as DKFDS wrote it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PurgeCSS } from 'purgecss';

// The project root: Next runs the build there (the config is bundled, so import.meta has no folder).
const root = process.cwd();
const TARGET = `${path.sep}dkfds${path.sep}dist${path.sep}css${path.sep}dkfds.min.css`;

/** IBM's published ranges of the split Plex files (the same as in IBM's own CSS). */
export const SUBSETS = {
  Latin1:
    'U+0000, U+000D, U+0020-007E, U+00A0-00A3, U+00A4-00FF, U+0131, U+0152-0153, U+02C6, U+02DA, U+02DC, U+2013-2014, U+2018-201A, U+201C-201E, U+2020-2022, U+2026, U+2030, U+2039-203A, U+2044, U+2074, U+20AC, U+2122, U+2212, U+FB01-FB02',
  Latin2: 'U+0100-024F, U+0259, U+1E00-1EFF, U+20A0-20AB, U+20AD-20CF, U+2C60-2C7F, U+A720-A7FF, U+FB01-FB02',
  Latin3: 'U+0102-0103, U+1EA0-1EF9, U+20AB',
  Greek: 'U+0370-03FF, U+1F00-1FFF',
  Cyrillic: 'U+0400-045F, U+0472-0475, U+048A-04FF, U+0510-0513, U+051C-051D, U+0524-0525, U+2116, U+FE2E-FE2F',
  Pi: 'U+0E3F, U+2032-2033, U+2070, U+2075-2079, U+2080-2081, U+2083, U+2085-2089, U+2113, U+2116, U+2126, U+212E, U+2150-2151, U+2153-215E, U+2190-2199, U+21A9-21AA, U+21B0-21B3, U+21B6-21B7, U+21BA-21BB, U+21C4, U+21C6, U+2202, U+2206, U+220F, U+2211, U+221A, U+221E, U+222B, U+2248, U+2260, U+2264-2265, U+25CA, U+2713, U+274C, U+2B0E-2B11',
};

const WEIGHTS = { 100: 'Thin', 200: 'ExtraLight', 300: 'Light', 400: 'Regular', 500: 'Medium', 600: 'SemiBold', 700: 'Bold' };

/** Class families our components put together at run time (`alert-${kind}`, `input-width-${width}`, …). */
/** Our sources, read here rather than globbed by PurgeCSS (its glob import does not load outside a bundler). */
function sources() {
  return ['app', 'components', 'lib'].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true })
      .filter((f) => /\.(ts|tsx)$/.test(f))
      .map((f) => ({ raw: readFileSync(path.join(root, dir, f), 'utf8'), extension: f.endsWith('x') ? 'tsx' : 'ts' })),
  );
}

const safelist = { standard: [/^alert-/, /^badge-/, /^button-/, /^input-width-/, /^form-group-/, /^mark-/], greedy: [] };

function splitFaces(rootNode, postcss) {
  rootNode.walkAtRules('font-face', (rule) => {
    const decl = (prop) => rule.nodes?.find((n) => n.type === 'decl' && n.prop === prop)?.value;
    if (!/IBM Plex Sans/.test(decl('font-family') ?? '')) return;
    const weight = WEIGHTS[Number(decl('font-weight') ?? 400)];
    const italic = (decl('font-style') ?? 'normal') === 'italic';
    if (!weight) return;
    const name = italic ? (weight === 'Regular' ? 'Italic' : `${weight}Italic`) : weight;
    const faces = Object.entries(SUBSETS).map(([subset, range]) =>
      postcss.atRule({
        name: 'font-face',
        nodes: [
          postcss.decl({ prop: 'font-display', value: 'swap' }),
          postcss.decl({ prop: 'font-family', value: 'IBM Plex Sans' }),
          postcss.decl({ prop: 'font-style', value: italic ? 'italic' : 'normal' }),
          postcss.decl({ prop: 'font-weight', value: String(decl('font-weight') ?? 400) }),
          postcss.decl({ prop: 'src', value: `url(../fonts/IBMPlexSans/split/woff2/IBMPlexSans-${name}-${subset}.woff2) format("woff2")` }),
          postcss.decl({ prop: 'unicode-range', value: range }),
        ],
      }),
    );
    rule.replaceWith(...faces);
  });
}

/** The stylesheet trimmed and with split fonts (exported for the test of what it keeps). */
export async function trimDkfds(css, postcss, from) {
  const [purged] = await new PurgeCSS().purge({ content: sources(), css: [{ raw: css }], safelist, fontFace: false, keyframes: true, rejected: true });
  const trimmed = postcss.parse(purged.css, { from });
  splitFaces(trimmed, postcss);
  return { root: trimmed, rejected: purged.rejected ?? [] };
}

export default function dkfdsTrim() {
  return {
    postcssPlugin: 'dkfds-trim',
    async Once(rootNode, { postcss, result }) {
      const file = rootNode.source?.input.file ?? result.opts.from ?? '';
      if (!file.endsWith(TARGET)) return;
      const { root: trimmed } = await trimDkfds(rootNode.toString(), postcss, file);
      rootNode.removeAll();
      rootNode.append(trimmed.nodes);
    },
  };
}
dkfdsTrim.postcss = true;
