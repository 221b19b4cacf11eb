// The caseworker queue: filtered, sorted applications with keyset pagination, and the total per state.
// Every filter and sort has an index behind it (see db/schema/applications.ts) so it stays fast at a million rows.
import 'server-only';
import { and, asc, count, desc, eq, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { applications, users } from '@/db/schema';
import { applicationStates, type ApplicationState } from '@/lib/vocabulary';
import type { DbOrTx } from '@/lib/db';
import { nameSearchTerms } from '@/lib/matching/search-key';
import { applicationAge, submittedBeforeForAge, type Age } from './age';
import { asReference, type QueueFilters } from './queue-filters';

export const QUEUE_PAGE_SIZE = 50;

export type QueueRow = {
  id: string;
  reference: string;
  state: ApplicationState;
  country: string;
  documentType: 'passport' | 'id_card';
  givenNames: string;
  familyName: string;
  submittedAt: Date;
  lastActivityAt: Date;
  assignedTo: string | null;
  assigneeName: string | null;
  /** Other open applications for the same CPR number (0 for a closed row): only one of them can be its holder. */
  otherOpenForCpr: number;
  age: Age;
};

type Cursor = { at: string; id: string };

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString('base64url');
}

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof at !== 'string' || typeof id !== 'string') return null;
    if (Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    return { at, id };
  } catch {
    return null;
  }
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(filters: QueueFilters, staffId: string, now: Date): SQL[] {
  const where: SQL[] = [];
  // Written as literals (not parameters) so that even a generic prepared plan can use the partial open-case indexes.
  if (filters.state === 'open') where.push(sql`${applications.state} in ('submitted', 'in_review', 'awaiting_applicant')`);
  else if (filters.state !== 'all') where.push(eq(applications.state, filters.state));
  if (filters.country) where.push(eq(applications.country, filters.country));
  if (filters.documentType) where.push(eq(applications.documentType, filters.documentType));
  if (filters.assigned === 'me') where.push(eq(applications.assignedTo, staffId));
  if (filters.assigned === 'nobody') where.push(isNull(applications.assignedTo));
  if (filters.assigned === 'anyone') where.push(isNotNull(applications.assignedTo));
  if (filters.olderThan !== undefined) where.push(lt(applications.submittedAt, submittedBeforeForAge(filters.olderThan, now)));
  if (filters.q) {
    // The typed text gets the matching rules' normalisation and spelling variants, like the stored search name;
    // LIKE '% TERM%' finds it at any word start and is served by the trigram index.
    const terms = nameSearchTerms(filters.q).map((t) => sql`${applications.searchName} like ${`% ${escapeLike(t)}%`}`);
    const byName = terms.length ? or(...terms)! : sql`false`;
    const reference = asReference(filters.q);
    where.push(reference ? or(eq(applications.reference, reference), byName)! : byName);
  }
  return where;
}

/** One page of the queue, and the cursor of the next page when there is one. */
export async function listQueue(
  db: DbOrTx,
  filters: QueueFilters,
  opts: { staffId: string; now?: Date; targetDays: number; pageSize?: number },
): Promise<{ rows: QueueRow[]; nextCursor: string | null }> {
  const now = opts.now ?? new Date();
  const pageSize = opts.pageSize ?? QUEUE_PAGE_SIZE;
  const sortColumn = filters.sort === 'activity' ? applications.lastActivityAt : applications.submittedAt;
  const ascending = filters.sort === 'oldest';
  const where = conditions(filters, opts.staffId, now);
  const cursor = decodeCursor(filters.after);
  if (cursor) {
    // Row comparison on (sort column, id) matches the composite indexes, so every page is an index range scan.
    where.push(
      ascending
        ? sql`(${sortColumn}, ${applications.id}) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
        : sql`(${sortColumn}, ${applications.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: applications.id,
      reference: applications.reference,
      state: applications.state,
      country: applications.country,
      documentType: applications.documentType,
      givenNames: applications.givenNames,
      familyName: applications.familyName,
      submittedAt: applications.submittedAt,
      lastActivityAt: applications.lastActivityAt,
      assignedTo: applications.assignedTo,
      assigneeName: sql<string | null>`coalesce(${users.name}, ${users.email})`,
      // A correlated count for the page's rows only, each one look-up in the partial open-by-CPR indexes; both
      // blind-index columns, so rows indexed under the old and the new INDEX_KEY still meet during a key rotation.
      otherOpenForCpr: sql<number>`case when ${applications.state} in ('submitted', 'in_review', 'awaiting_applicant') then (
        select count(*)::int from applications other
        where other.state in ('submitted', 'in_review', 'awaiting_applicant') and other.id <> ${applications.id}
          and (other.cpr_index in (${applications.cprIndex}, ${applications.cprIndexPrev}) or other.cpr_index_prev in (${applications.cprIndex}, ${applications.cprIndexPrev}))
      ) else 0 end`,
      // Full microsecond precision for the cursor: a JavaScript Date would round it and repeat or skip rows.
      cursorAt: sql<string>`${sortColumn}::text`,
    })
    .from(applications)
    .leftJoin(users, eq(users.id, applications.assignedTo))
    .where(and(...where))
    .orderBy(ascending ? asc(sortColumn) : desc(sortColumn), ascending ? asc(applications.id) : desc(applications.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    rows: page.map(({ cursorAt: _c, ...r }) => ({ ...r, age: applicationAge(r.submittedAt, now, opts.targetDays) })),
    nextCursor: rows.length > pageSize && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}

const closedCountsTtlMs = 60_000;
let closedCounts: { at: number; counts: Partial<Record<ApplicationState, number>> } | null = null;

/**
 * How many applications are in each state, whatever the filters. Open states are counted exactly on every call
 * (a small index range); the closed states, which hold nearly every row of a large table, are recounted at most
 * once a minute per process (a full index scan: ~75 ms at a million rows, see tests/bench/queue-at-scale.ts).
 */
export async function countByState(db: DbOrTx, now = Date.now()): Promise<Record<ApplicationState, number>> {
  const out = Object.fromEntries(applicationStates.map((s) => [s, 0])) as Record<ApplicationState, number>;
  const open = await db
    .select({ state: applications.state, n: count() })
    .from(applications)
    .where(sql`${applications.state} in ('submitted', 'in_review', 'awaiting_applicant')`)
    .groupBy(applications.state);
  for (const r of open) out[r.state] = r.n;
  if (!closedCounts || now - closedCounts.at > closedCountsTtlMs) {
    const closed = await db
      .select({ state: applications.state, n: count() })
      .from(applications)
      .where(sql`${applications.state} in ('approved', 'rejected', 'expired', 'withdrawn')`)
      .groupBy(applications.state);
    closedCounts = { at: now, counts: Object.fromEntries(closed.map((r) => [r.state, r.n])) };
  }
  return { ...out, ...closedCounts.counts, ...Object.fromEntries(open.map((r) => [r.state, r.n])) };
}
