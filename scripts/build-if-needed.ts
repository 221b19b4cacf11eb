// Builds the app when there is no build yet or the sources changed since the last one (npm start, e2e tests).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function nextBin(): string {
  return path.resolve('node_modules/next/dist/bin/next');
}

/** The build folder: .next, or .next-bench for the benchmark's build (BENCH_BUILD=1, see next.config.mjs). */
export function distDir(): string {
  return process.env.BENCH_BUILD === '1' ? '.next-bench' : '.next';
}

const fingerprintFile = () => path.resolve(distDir(), '.source-fingerprint');
const sourceRoots = ['app', 'components', 'lib', 'db/schema', 'messages', 'public', 'next.config.mjs', 'postcss.config.mjs', 'scripts/postcss-dkfds.mjs', 'package-lock.json', 'instrumentation.ts', 'proxy.ts'];

function fingerprint(): string {
  const hash = createHash('sha256');
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    else hash.update(`${p}:${s.size}:${s.mtimeMs}\n`);
  };
  for (const root of sourceRoots) walk(root);
  return hash.digest('hex');
}

export function needsBuild(): boolean {
  if (!existsSync(path.join(distDir(), 'BUILD_ID')) || !existsSync(fingerprintFile())) return true;
  return readFileSync(fingerprintFile(), 'utf8') !== fingerprint();
}


export function buildIfNeeded(opts: { onlyWhenMissing?: boolean } = {}): void {
  if (opts.onlyWhenMissing ? existsSync(path.join(distDir(), 'BUILD_ID')) : !needsBuild()) return;
  console.log('Building the app (first start or changed sources)…');
  // Taken before the build: a source changed while it runs makes the next start build again.
  const sources = fingerprint();
  const build = spawnSync(process.execPath, [nextBin(), 'build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) throw new Error('next build failed');
  writeFileSync(fingerprintFile(), sources);
}
