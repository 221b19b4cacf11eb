// Demo mode runs only on its own embedded PostgreSQL: demo seeds staff with a known password and an API key that can
// see CPR numbers, so a demo server pointed at a real database would open it to anyone. Read at start, never per request.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The port of the embedded PostgreSQL running on `<dataDir>/pg`, from its postmaster.pid (4th line), if any. */
export function embeddedPort(dataDir: string): number | undefined {
  try {
    const port = Number(readFileSync(path.join(path.resolve(dataDir), 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]?.trim());
    return Number.isInteger(port) && port > 0 ? port : undefined;
  } catch {
    return undefined;
  }
}

/** True when `url` is the embedded PostgreSQL that the launcher runs on `<dataDir>/pg` (loopback, its port). */
export function isEmbeddedDatabase(url: string, dataDir: string): boolean {
  const port = embeddedPort(dataDir);
  if (!port) return false;
  try {
    const u = new URL(url);
    return ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) && Number(u.port || 5432) === port;
  } catch {
    return false;
  }
}

export const DEMO_DATABASE_REFUSED =
  'Demo mode refuses DATABASE_URL: demo seeds staff accounts with a known password and a demo API key that can see CPR numbers, ' +
  'so it runs only on its own embedded PostgreSQL (in DATA_DIR/pg). Unset DATABASE_URL for the demo, or set APP_MODE=production for a real database.';
