// Where to go after sign-in: only a path on this site, never an open redirect.
export function safeCallback(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(value) ? value : '/caseworker';
}
