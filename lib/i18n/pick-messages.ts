// Picks namespaces out of a catalogue: what a segment hands to its client components (see client-messages.tsx).
// A nested provider replaces the outer one, so the shared namespaces (the site's name for titles, the error page, form
// conventions, error messages) are always included.
const shared = ['meta', 'errorPage', 'form', 'errors'] as const;
export type Catalogue = Record<string, unknown>;

/** `namespaces` are top-level keys or dotted paths (e.g. `admin.setPassword`). */
export function pickMessages(catalogue: Catalogue, namespaces: readonly string[]): Catalogue {
  const picked: Catalogue = {};
  for (const ns of [...shared, ...namespaces]) {
    const [head, ...rest] = ns.split('.');
    let from: unknown = catalogue[head!];
    if (from === undefined) throw new Error(`No messages under ${ns}`);
    if (!rest.length) {
      picked[head!] = from;
      continue;
    }
    let into = (picked[head!] ??= {}) as Catalogue;
    for (const [i, key] of rest.entries()) {
      from = (from as Catalogue)[key];
      if (from === undefined) throw new Error(`No messages under ${ns}`);
      if (i === rest.length - 1) into[key] = from;
      else into = (into[key] ??= {}) as Catalogue;
    }
  }
  return picked;
}
