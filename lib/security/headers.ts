// The response headers that bind the browser: a Content-Security-Policy with a fresh nonce per request (set by
// proxy.ts, read by Next for its own scripts), and HSTS in production. Kept free of Node APIs so the proxy can use it.

/** A fresh, unguessable nonce for one response (16 random bytes, base64). */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets Next's own chunks load the rest); no plugins, no
 * <base>, no framing. Images come from us, and as blob:/data: URLs for the photo preview before upload. Styles may be
 * inline (React's style attributes and the design system's); inline styles cannot run code.
 * Development needs 'unsafe-eval' for React's debugging aids; a production build never gets it.
 */
export function contentSecurityPolicy(nonce: string, opts: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "manifest-src 'self'",
  ].join('; ');
}

/** Two years, subdomains included: production is served over HTTPS only. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';
