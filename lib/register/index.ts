// The CPR register behind one interface: the cpr_register table (demo, or chosen explicitly) or the national
// register through CPR Direkte, selected by CPR_REGISTER. Neither keeps a copy of what the national register said.
import { asc, eq } from 'drizzle-orm';
import { cprRegister } from '@/db/schema';
import { demoPersons } from './demo-persons';
import type { DbOrTx } from '@/lib/db';
import { env } from '@/lib/env';
import { isIsoDate, type CprRecord } from '@/lib/matching';
import { holdsCpr } from '@/lib/security/cpr-index';
import { cprIndexColumns, decrypt, encrypt } from '@/lib/security/crypto';
import { CprDirekteClient, cprDirekteOptions, cprDirekteRegister } from './cpr-direkte';

export { REGISTER_UNAVAILABLE } from './cpr-direkte';

export interface CprRegister {
  /** The record for a normalised 10-digit CPR number, or null when the register has none. */
  lookup(cpr: string): Promise<CprRecord | null>;
  /**
   * Every person born on a YYYY-MM-DD date: the look-alikes an eID with that birth date could also match.
   * The automatic match refuses when it finds one, so an adapter that cannot answer must throw, never return [].
   */
  bornOn(dateOfBirth: string): Promise<CprRecord[]>;
}

type Row = typeof cprRegister.$inferSelect;

function fromRow(row: Row): CprRecord {
  return {
    cpr: decrypt(row.cprEnc),
    givenNames: row.givenNames,
    ...(row.middleName ? { middleName: row.middleName } : {}),
    familyName: row.familyName,
    dateOfBirth: row.dateOfBirth,
    sex: row.sex,
    status: row.status,
    nameAddressProtected: row.nameAddressProtected,
    ...(row.historicalNames.length ? { historicalNames: row.historicalNames } : {}),
    ...(row.address && !row.nameAddressProtected ? { address: row.address } : {}),
  };
}

export function tableRegister(db: DbOrTx): CprRegister {
  return {
    async lookup(cpr) {
      const [row] = await db.select().from(cprRegister).where(holdsCpr(cprRegister, cpr));
      return row ? fromRow(row) : null;
    },
    async bornOn(dateOfBirth) {
      // A string that is not a real date would make PostgreSQL refuse the query: nobody is born on it.
      if (!isIsoDate(dateOfBirth)) return [];
      const rows = await db.select().from(cprRegister).where(eq(cprRegister.dateOfBirth, dateOfBirth)).orderBy(asc(cprRegister.id));
      return rows.map(fromRow);
    },
  };
}

// One CPR Direkte client per process: it holds the logon token, the connection pool and the circuit breaker.
const store: { __imCprDirekte?: ReturnType<typeof cprDirekteRegister> } = {};

/** The register CPR_REGISTER names: the table (read through `db`, so inside its transaction) or CPR Direkte. */
export function getRegister(db: DbOrTx): CprRegister {
  return env().CPR_REGISTER === 'cpr-direkte' ? cprDirekte() : tableRegister(db);
}

function cprDirekte() {
  store.__imCprDirekte ??= cprDirekteRegister(new CprDirekteClient(cprDirekteOptions(env())));
  return store.__imCprDirekte;
}

/** The register's reachability for /api/health: the table lives in the database, which is checked on its own. */
export async function checkRegister(): Promise<{ register: 'table' | 'cpr-direkte'; state: 'ok' | 'down' }> {
  if (env().CPR_REGISTER !== 'cpr-direkte') return { register: 'table', state: 'ok' };
  return { register: 'cpr-direkte', state: await cprDirekte().check() };
}

/** The demo persons as rows of the demo register (CPR encrypted, blind-indexed), for the seed and the tests. */
export function demoRegisterRows(): (typeof cprRegister.$inferInsert)[] {
  return demoPersons.flatMap(({ register: r }) =>
    r
      ? [{
          cprEnc: encrypt(r.cpr),
          ...cprIndexColumns(r.cpr),
          givenNames: r.givenNames,
          middleName: r.middleName ?? null,
          familyName: r.familyName,
          dateOfBirth: r.dateOfBirth,
          sex: r.sex,
          status: r.status,
          nameAddressProtected: r.nameAddressProtected,
          historicalNames: r.historicalNames ?? [],
          address: r.address ?? null,
        }]
      : [],
  );
}
