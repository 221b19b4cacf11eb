// `npm run bench [-- dashboard | links]`: without an argument every benchmark, one after the other, each in its own
// process (each starts its own throw-away PostgreSQL and reads its configuration once).
import { spawnSync } from 'node:child_process';

const benches = { dashboard: 'tests/bench/run.ts', links: 'tests/bench/links.ts' } as const;
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !(w in benches));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from: ${Object.keys(benches).join(', ')}`);
  process.exit(2);
}
for (const name of (wanted.length ? wanted : Object.keys(benches)) as (keyof typeof benches)[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', './tests/bench/register-hooks.mjs', benches[name]], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
