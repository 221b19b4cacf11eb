// PostCSS for the build: the design system's stylesheet trimmed to what our pages use (scripts/postcss-dkfds.mjs).
// Next's own CSS handling (minifying, prefixes) stays as it is.
import dkfdsTrim from './scripts/postcss-dkfds.mjs';

const config = { plugins: [dkfdsTrim()] };

export default config;
