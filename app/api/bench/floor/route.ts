// The benchmark's floor: the least any route handler of this app costs (routing, the proxy, headers, a small JSON
// answer), measured beside the link look-up by tests/bench/links.ts. It answers only in a build made with
// BENCH_BUILD=1, which next.config.mjs writes to its own folder (.next-bench) and inlines as BENCH_FLOOR at build
// time; `npm run build`, `npm start` and every production build answer 404. It does not open with route(): it is the
// floor the link look-up's door is measured against, so it must cost nothing more than a handler can.
const noStore = { 'Cache-Control': 'no-store' };

export function GET(): Response {
  if (process.env.BENCH_FLOOR !== '1') return new Response(null, { status: 404, headers: noStore });
  return Response.json({ ok: true }, { headers: noStore });
}
