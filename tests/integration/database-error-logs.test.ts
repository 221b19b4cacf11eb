// A failed query must not put what it was saving into the log: drizzle's error message lists the query's parameters
// and PostgreSQL's detail repeats the conflicting value. The log gets the error code and the statement's name.
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { getDb } from '@/lib/db';
import { loggableError, logger, statementName } from '@/lib/log';

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (e) {
    return e;
  }
  throw new Error('the query did not fail');
}

describe('database errors in the log', () => {
  it('logs a unique violation by code, statement and constraint, without the email or name it tried to save', async () => {
    await getDb().insert(users).values({ email: 'ingrid.hansen@example.dk', name: 'Ingrid Hansen' });
    const error = await failure(() => getDb().insert(users).values({ email: 'ingrid.hansen@example.dk', name: 'Ingrid Hansen' }));
    expect(String((error as Error).message)).toContain('ingrid.hansen@example.dk');

    const logged = loggableError(error);
    expect(logged).toMatchObject({ type: 'DatabaseError', code: '23505', query: 'insert users' });
    expect(JSON.stringify(logged)).not.toMatch(/ingrid|hansen/i);
  });

  it('logs a bad value by code only, not the value PostgreSQL quotes back', async () => {
    const error = await failure(() => getDb().execute(`select 'P-123456789-secret'::int as n`));
    const logged = loggableError(error);
    expect(logged).toMatchObject({ type: 'DatabaseError', code: '22P02', query: 'select' });
    expect(JSON.stringify(logged)).not.toContain('P-123456789');
  });

  it('is how the app logger writes every error it is given', () => {
    expect((logger as unknown as Record<symbol, Record<string, unknown>>)[pino.symbols.serializersSym]!.err).toBe(loggableError);
  });

  it('names statements by what they did to which table', () => {
    expect(statementName('insert into "applications" ("id") values ($1)')).toBe('insert applications');
    expect(statementName('update "users" set "name" = $1 where "id" = $2')).toBe('update users');
    expect(statementName('delete from "sessions" where "user_id" = $1')).toBe('delete sessions');
    expect(statementName('select "id" from "documents" where "id" = $1')).toBe('select documents');
  });
});
