// Internal notes on a case: written and read by staff only, never shown or sent to the applicant.
import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { notes, users } from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { recordEvent } from '@/lib/audit';
import type { Db, DbOrTx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { touchCase } from './assignments';
import { noteSchema } from './decision-schemas';
import { loadCase } from '@/lib/applications/case';

export async function addNote(db: Db, input: { applicationId: string; staff: Staff; body: string }): Promise<{ noteId: string }> {
  // The action validated already; checked again here because the rule is about what is stored, whoever calls.
  const body = noteSchema.shape.body.safeParse(input.body);
  if (!body.success) throw new AppError('INVALID_INPUT', 'INVALID_INPUT', { fields: { body: body.error.issues.map((i) => i.message) } });
  return db.transaction(async (tx) => {
    await loadCase(tx, input.applicationId);
    const [note] = await tx.insert(notes).values({ applicationId: input.applicationId, authorId: input.staff.id, body: input.body }).returning({ id: notes.id });
    await recordEvent(tx, { applicationId: input.applicationId, actor: { type: 'staff', id: input.staff.id }, type: 'note_added', data: { noteId: note!.id } });
    await touchCase(tx, input.applicationId, input.staff.id);
    return { noteId: note!.id };
  });
}

export async function listNotes(db: DbOrTx, applicationId: string) {
  return db
    .select({ id: notes.id, body: notes.body, createdAt: notes.createdAt, author: sql<string>`coalesce(${users.name}, ${users.email})` })
    .from(notes)
    .innerJoin(users, eq(users.id, notes.authorId))
    .where(eq(notes.applicationId, applicationId))
    .orderBy(asc(notes.createdAt));
}
