// Key rotation: re-encrypts every encrypted column under the current DATA_KEY and rewrites the blind indexes under the
// current INDEX_KEY (and the first of INDEX_KEYS_OLD into `cpr_index_prev`), in small batches while the app keeps
// serving. Each row is updated only if it still holds what was read, so a concurrent change (written with the current
// keys anyway) is never overwritten with older data. Safe to stop and run again; a second run finds nothing to do.
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';
import { logger } from '@/lib/log';
import { cprIndexColumns, dataKeys, decrypt, encrypt, isCurrentCiphertext } from './crypto';

/** `key` is the table's uuid primary key. */
type Target = { table: string; key: string; encrypted: string[]; cprIndexed?: true };

/** Every column that holds ciphertext, and the tables whose CPR number is blind-indexed. */
export const encryptedColumns: Target[] = [
  { table: 'applications', key: 'id', encrypted: ['cpr_enc'], cprIndexed: true },
  { table: 'identity_links', key: 'id', encrypted: ['cpr_enc'], cprIndexed: true },
  { table: 'cpr_register', key: 'id', encrypted: ['cpr_enc'], cprIndexed: true },
  { table: 'email_outbox', key: 'id', encrypted: ['data_enc'] },
  { table: 'application_drafts', key: 'journey_id', encrypted: ['data_enc'] },
  { table: 'journeys', key: 'id', encrypted: ['typed_enc'] },
];

export type RotationReport = Record<string, { rows: number; updated: number; changedMeanwhile: number }>;

type Row = Record<string, string | null>;

function rewrite(target: Target, row: Row): Record<string, string | null> {
  const set: Record<string, string | null> = {};
  for (const column of target.encrypted) {
    const value = row[column];
    if (value && !isCurrentCiphertext(value)) set[column] = encrypt(decrypt(value));
  }
  if (target.cprIndexed && row.cpr_enc) {
    const { cprIndex, cprIndexPrev } = cprIndexColumns(decrypt(row.cpr_enc));
    if (row.cpr_index !== cprIndex) set.cpr_index = cprIndex;
    if (row.cpr_index_prev !== cprIndexPrev) set.cpr_index_prev = cprIndexPrev;
  }
  return set;
}

export async function rotateKeys(db: Db, opts: { batch?: number } = {}): Promise<RotationReport> {
  const batch = opts.batch ?? 500;
  const report: RotationReport = {};
  dataKeys(); // fails fast on a malformed key list, before anything is read
  for (const target of encryptedColumns) {
    const counts = { rows: 0, updated: 0, changedMeanwhile: 0 };
    const columns = [target.key, ...target.encrypted, ...(target.cprIndexed ? ['cpr_index', 'cpr_index_prev'] : [])];
    const select = sql.join(columns.map((c) => sql`${sql.identifier(c)}::text as ${sql.identifier(c)}`), sql`, `);
    let after: string | null = null;
    for (;;) {
      const rows: Row[] = await db.execute<Row>(
        // Keyset pages over the (uuid) primary key: each batch is an index range, however large the table.
        sql`select ${select} from ${sql.identifier(target.table)} ${after === null ? sql`` : sql`where ${sql.identifier(target.key)} > ${after}::uuid`} order by ${sql.identifier(target.key)} limit ${batch}`,
      );
      if (rows.length === 0) break;
      counts.rows += rows.length;
      after = rows.at(-1)![target.key]!;
      for (const row of rows) {
        const set = rewrite(target, row);
        if (Object.keys(set).length === 0) continue;
        const assignments = sql.join(Object.entries(set).map(([c, v]) => sql`${sql.identifier(c)} = ${v}`), sql`, `);
        // Only if the row still holds what was read: the app may have changed it meanwhile (with the current keys).
        const unchanged = sql.join(
          target.encrypted.map((c) => (row[c] === null ? sql`${sql.identifier(c)} is null` : sql`${sql.identifier(c)} = ${row[c]}`)),
          sql` and `,
        );
        const updated = await db.execute(
          sql`update ${sql.identifier(target.table)} set ${assignments} where ${sql.identifier(target.key)} = ${row[target.key]}::uuid and ${unchanged} returning 1`,
        );
        if (updated.length) counts.updated++;
        else counts.changedMeanwhile++;
      }
    }
    report[target.table] = counts;
    logger.info({ table: target.table, ...counts }, 'keys rotated');
  }
  return report;
}

/** Rows whose ciphertext is not yet under the current DATA_KEY, per table (0 everywhere once rotation is complete). */
export async function rowsUnderOldKeys(db: Db): Promise<Record<string, number>> {
  const prefix = `v2.${dataKeys().currentId}.%`;
  const out: Record<string, number> = {};
  for (const target of encryptedColumns) {
    const stale = sql.join(target.encrypted.map((c) => sql`(${sql.identifier(c)} is not null and ${sql.identifier(c)} not like ${prefix})`), sql` or `);
    const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(target.table)} where ${stale}`);
    out[target.table] = row!.n;
  }
  return out;
}
