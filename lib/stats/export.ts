// CSV exports of the dashboard's tables and of the applications of a period: no CPR numbers, no document data,
// no applicant names; each export recorded in the audit log with who, what and which period.
import 'server-only';
import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { roleCan } from '@/lib/auth/roles';
import type { Staff } from '@/lib/auth/sessions';
import { recordEvent } from '@/lib/audit';
import { BOM, csvDialect, csvDocument, csvLine } from '@/lib/csv';
import type { DbOrTx } from '@/lib/db';
import { forbidden } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/messages';
import { getDashboard } from './dashboard';
import { formatCell } from './format';
import type { DashboardRange } from './range';
import { buildTables, type TableId } from './tables';

export type CsvFile = { filename: string; body: string; rows: number };

const weekLabel = (t: ReturnType<typeof translator>) => (week: number, year: number) => t('weekLabel', { week, year });

function assertSupervisor(staff: Staff): void {
  if (!roleCan(staff.role, 'supervisor')) throw forbidden();
}

async function recordExport(db: DbOrTx, staff: Staff, what: { table: string; range: DashboardRange; rows: number }): Promise<void> {
  await recordEvent(db, {
    actor: { type: 'staff', id: staff.id },
    type: 'export',
    data: { table: what.table, from: what.range.current.from, to: what.range.current.to, rows: what.rows, format: 'csv' },
  });
}

/**
 * One dashboard table as CSV, exactly as the page shows it for the same range (read from `readDb`, the replica the
 * page reads when there is one); the export is recorded on `db`.
 */
export async function exportDashboardTable(
  db: DbOrTx,
  staff: Staff,
  table: TableId,
  range: DashboardRange,
  locale: Locale,
  now = new Date(),
  readDb: DbOrTx = db,
): Promise<CsvFile> {
  assertSupervisor(staff);
  const t = translator(locale, 'supervisor');
  const model = buildTables(await getDashboard(readDb, range, now), t, locale)[table];
  const rows = model.rows.map((r) => r.map((c) => formatCell(c, locale, 'csv', weekLabel(t))));
  await recordExport(db, staff, { table, range, rows: rows.length });
  return { filename: `${table}-${range.current.from}-${range.current.to}.csv`, body: csvDocument(model.columns, rows, csvDialect(locale)), rows: rows.length };
}

/** The applications submitted in the period as a CSV stream; the export (with its row count) is recorded first. */
export async function exportApplications(
  db: DbOrTx,
  client: postgres.Sql,
  staff: Staff,
  range: DashboardRange,
  locale: Locale,
): Promise<{ filename: string; stream: ReadableStream<Uint8Array>; rows: number }> {
  assertSupervisor(staff);
  const rows = await countApplications(db, range);
  await recordExport(db, staff, { table: 'applications', range, rows });
  return { filename: `applications-${range.current.from}-${range.current.to}.csv`, stream: applicationsCsvStream(client, range, locale), rows };
}

const submittedIn = (range: DashboardRange) =>
  sql`a.submitted_at >= (${range.current.from}::date::timestamp at time zone 'Europe/Copenhagen')
    and a.submitted_at < ((${range.current.to}::date + 1)::timestamp at time zone 'Europe/Copenhagen')`;

async function countApplications(db: DbOrTx, range: DashboardRange): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`select count(*)::int as n from applications a where ${submittedIn(range)}`);
  return row?.n ?? 0;
}

type ApplicationRow = {
  reference: string;
  state: string;
  country: string;
  document_type: string;
  submitted: string;
  decided: string | null;
  business_days: number | null;
  decided_by: string | null;
  reject_reason: string | null;
  assigned_to: string | null;
  last_activity: string;
};

/**
 * The applications submitted in the period as a CSV stream (read with a cursor, so a long period never sits in
 * memory). Times are Copenhagen local time.
 */
function applicationsCsvStream(client: postgres.Sql, range: DashboardRange, locale: Locale): ReadableStream<Uint8Array> {
  const t = translator(locale, 'supervisor');
  const dialect = csvDialect(locale);
  const encoder = new TextEncoder();
  const local = (column: string) => `to_char(${column} at time zone 'Europe/Copenhagen', 'YYYY-MM-DD HH24:MI:SS')`;
  const cursor = client.unsafe<ApplicationRow[]>(
    `select a.reference, a.state, a.country, a.document_type, ${local('a.submitted_at')} as submitted, ${local('a.decided_at')} as decided,
       case when a.decided_at is not null then d.ordinal - s.ordinal end as business_days,
       coalesce(dec.name, dec.email) as decided_by, a.reject_reason, coalesce(asg.name, asg.email) as assigned_to,
       ${local('a.last_activity_at')} as last_activity
     from applications a
     left join business_days s on s.day = (a.submitted_at at time zone 'Europe/Copenhagen')::date
     left join business_days d on d.day = (a.decided_at at time zone 'Europe/Copenhagen')::date
     left join users dec on dec.id = a.decided_by
     left join users asg on asg.id = a.assigned_to
     where a.submitted_at >= ($1::date::timestamp at time zone 'Europe/Copenhagen')
       and a.submitted_at < (($2::date + 1)::timestamp at time zone 'Europe/Copenhagen')
     order by a.submitted_at, a.reference`,
    [range.current.from, range.current.to],
  ).cursor(1000)[Symbol.asyncIterator]();
  const header = ['reference', 'state', 'country', 'documentType', 'submitted', 'decided', 'businessDays', 'decidedBy', 'rejectReason', 'assignedTo', 'lastActivity'].map((c) =>
    t(`applicationsCsv.${c}`),
  );
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BOM + csvLine(header, dialect)));
      }
      const next = await cursor.next();
      if (next.done) {
        controller.close();
        return;
      }
      const lines = next.value.map((r) =>
        csvLine(
          [
            r.reference,
            t(`state.${r.state}`),
            r.country,
            t(`documentType.${r.document_type}`),
            r.submitted,
            r.decided ?? '',
            r.business_days === null ? '' : String(r.business_days),
            r.decided_by ?? '',
            r.reject_reason ? t(`rejectReason.${r.reject_reason}`) : '',
            r.assigned_to ?? '',
            r.last_activity,
          ],
          dialect,
        ),
      );
      controller.enqueue(encoder.encode(lines.join('')));
    },
    async cancel() {
      await cursor.return?.();
    },
  });
}
