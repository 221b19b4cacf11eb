// A case's history for staff: every event of application_events with who did it, and the document views apart
// (they are many, and matter for the audit more than for the story of the case).
import 'server-only';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { applicationEvents, infoRequests, users } from '@/db/schema';
import type { DbOrTx } from '@/lib/db';

export type HistoryEvent = {
  id: number;
  type: string;
  actorType: 'applicant' | 'staff' | 'system' | 'relying_party';
  actorName: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
};

export async function listHistory(
  db: DbOrTx,
  applicationId: string,
): Promise<{ events: HistoryEvent[]; documentViews: HistoryEvent[]; names: Record<string, string> }> {
  const rows = await db
    .select({
      id: applicationEvents.id,
      type: applicationEvents.type,
      actorType: applicationEvents.actorType,
      actorName: sql<string | null>`coalesce(${users.name}, ${users.email})`,
      data: applicationEvents.data,
      createdAt: applicationEvents.createdAt,
    })
    .from(applicationEvents)
    .leftJoin(users, eq(users.id, applicationEvents.actorId))
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(asc(applicationEvents.createdAt), asc(applicationEvents.id));
  // Reassignments name other staff members by id; look their names up once.
  const ids = [...new Set(rows.flatMap((r) => [r.data.from, r.data.to]).filter((v): v is string => typeof v === 'string'))];
  const people = ids.length
    ? await db.select({ id: users.id, name: sql<string>`coalesce(${users.name}, ${users.email})` }).from(users).where(inArray(users.id, ids))
    : [];
  return {
    events: rows.filter((r) => r.type !== 'document_viewed'),
    documentViews: rows.filter((r) => r.type === 'document_viewed'),
    names: Object.fromEntries(people.map((p) => [p.id, p.name])),
  };
}

export async function listInfoRequests(db: DbOrTx, applicationId: string) {
  return db
    .select({
      id: infoRequests.id,
      items: infoRequests.items,
      message: infoRequests.message,
      createdAt: infoRequests.createdAt,
      answeredAt: infoRequests.answeredAt,
      answerMessage: infoRequests.answerMessage,
      answerChanges: infoRequests.answerChanges,
      requestedBy: sql<string | null>`coalesce(${users.name}, ${users.email})`,
    })
    .from(infoRequests)
    .leftJoin(users, eq(users.id, infoRequests.requestedBy))
    .where(eq(infoRequests.applicationId, applicationId))
    .orderBy(asc(infoRequests.createdAt));
}
