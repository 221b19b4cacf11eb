// Finding rows by CPR number through the two blind-index columns. While a key rotation is under way a row's index may
// sit under the new or the old INDEX_KEY (in `cpr_index` or `cpr_index_prev`), so every look-up asks for all of them.
import { inArray, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { blindIndexes } from './crypto';

type IndexColumns = { cprIndex: PgColumn; cprIndexPrev: PgColumn };
type IndexValues = { cprIndex: string; cprIndexPrev: string | null };

/** Rows holding this CPR number. */
export function holdsCpr(table: IndexColumns, cpr: string): SQL {
  const hashes = blindIndexes(cpr);
  return or(inArray(table.cprIndex, hashes), inArray(table.cprIndexPrev, hashes))!;
}

/** Rows holding the same CPR number as `row`, whichever key either was indexed under. */
export function holdsSameCprAs(table: IndexColumns, row: IndexValues): SQL {
  const values = [row.cprIndex, row.cprIndexPrev].filter((v): v is string => v !== null);
  return or(inArray(table.cprIndex, values), inArray(table.cprIndexPrev, values))!;
}
