// The CPR register behind one interface: the demo implementation reads the seeded cpr_register table;
// a production adapter for the national register implements the same interface.
import { cprRegister } from '@/db/schema';
import { demoPersons } from './demo-persons';
import type { DbOrTx } from '@/lib/db';
import { holdsCpr } from '@/lib/security/cpr-index';
import { cprIndexColumns, decrypt, encrypt } from '@/lib/security/crypto';

export type RegisterRecord = {
  cpr: string;
  givenNames: string;
  middleName?: string;
  familyName: string;
  dateOfBirth: string;
  sex: 'male' | 'female';
  status: 'active' | 'inactive' | 'emigrated' | 'disappeared' | 'deceased' | 'annulled' | 'changed';
  nameAddressProtected: boolean;
  historicalNames?: string[];
  /** Never shown when the record has name-and-address protection. */
  address?: string;
};

export interface CprRegister {
  /** The record for a normalised 10-digit CPR number, or null when the register has none. */
  lookup(cpr: string): Promise<RegisterRecord | null>;
}

export function tableRegister(db: DbOrTx): CprRegister {
  return {
    async lookup(cpr) {
      const [row] = await db.select().from(cprRegister).where(holdsCpr(cprRegister, cpr));
      if (!row) return null;
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
    },
  };
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
