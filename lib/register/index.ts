// The CPR register behind one interface: the demo implementation reads the seeded cpr_register table;
// a production adapter for the national register implements the same interface.
import { eq } from 'drizzle-orm';
import { cprRegister } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';
import { blindIndex, decrypt } from '@/lib/security/crypto';

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
      const [row] = await db.select().from(cprRegister).where(eq(cprRegister.cprIndex, blindIndex(cpr)));
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
