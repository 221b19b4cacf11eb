// The bench runs library code outside Next.js: `server-only` (which throws outside React's server build) is empty here.
export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,export {}', shortCircuit: true };
  return next(specifier, context);
}
