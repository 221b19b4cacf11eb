// The link look-up's bare baseline: node:http and postgres.js running the look-up's one statement (the same SQL text
// and parameters as lib/linking/links.ts), with none of the framework around it. Started by tests/bench/links.ts.
// Env: DATABASE_URL, PORT, BENCH_PARTY (JSON: id, canSeeCpr, lookupsPerMinute), DATABASE_POOL_MAX.
import http from 'node:http';
import { PgDialect } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { LOOKUP_COUNTER_SHARDS, lookupStatement, type LookupRow } from '@/lib/linking/links';
import { decrypt } from '@/lib/security/crypto';

const sql = postgres(process.env.DATABASE_URL!, { max: Number(process.env.DATABASE_POOL_MAX ?? 10), onnotice: () => {} });
const party = JSON.parse(process.env.BENCH_PARTY!) as { id: string; canSeeCpr: boolean; lookupsPerMinute: number };
const dialect = new PgDialect();
const PREFIX = '/links/';

const server = http.createServer(async (req, res) => {
  try {
    const url = req.url ?? '';
    if (!url.startsWith(PREFIX)) {
      res.writeHead(url === '/health' ? 200 : 404).end();
      return;
    }
    const id = decodeURIComponent(url.slice(PREFIX.length));
    const query = dialect.sqlToQuery(lookupStatement(party, id, Math.floor(Math.random() * LOOKUP_COUNTER_SHARDS)));
    const [row] = (await sql.unsafe(query.sql, query.params as never[], { prepare: true })) as unknown as LookupRow[];
    const body = row?.method
      ? { linked: true, method: row.method, linkedAt: new Date(row.linked_at!).toISOString(), ...(party.canSeeCpr ? { cpr: decrypt(row.cpr_enc!) } : {}) }
      : { linked: false };
    res.writeHead(row?.method ? 200 : 404, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
  } catch (e) {
    res.writeHead(500).end(String(e));
  }
});
server.listen(Number(process.env.PORT), 'localhost');
