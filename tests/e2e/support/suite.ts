// The set-up of the walks that drive the browser and reach into the app's database: one Chromium, one connection for
// fixtures and checks, and the app's own lib pointed at the app under test, opened before a file's tests and closed
// after them.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeAppDatabase, useAppDatabase } from './app-data';
import { baseURL, launch } from './browser';
import { connectAppDb, type Sql } from './database';

/** What a file's tests share: read them inside a test (or a hook after this one), once they are open. */
export type Suite = { readonly browser: Browser; readonly sql: Sql };

/** The value once `beforeAll` has opened it; a clear failure when read before. */
function opened<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is opened in beforeAll: read it inside a test`);
  return value;
}

/** Opens a browser and a database connection for the file's tests (and points lib at the app); closes all after them. */
export function openBrowserAndDb(): Suite {
  let browser: Browser | undefined;
  let sql: Sql | undefined;
  beforeAll(async () => {
    useAppDatabase(inject('dataDir'), baseURL());
    browser = await launch();
    sql = connectAppDb();
  });
  afterAll(async () => {
    await browser?.close();
    await sql?.end();
    await closeAppDatabase();
  });
  return {
    get browser() {
      return opened(browser, 'the browser');
    },
    get sql() {
      return opened(sql, 'the database connection');
    },
  };
}
