// Waiting for the applicant: a reminder after 14 and after 25 days without an answer (each with a further status link),
// and after 30 days the application expires. Each step is one transaction with its event and its email.
import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import { applicationEvents, applications, infoRequests, statusLinks } from '@/db/schema';
import { recordEvent } from '@/lib/audit';
import type { Db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import { AppError } from '@/lib/errors';
import { logger } from '@/lib/log';
import { ANSWER_DAYS } from './request-info';
import { newStatusToken, statusLink } from './status-token';
import { applyTransition } from './transition';

export const REMINDER_DAYS = [14, 25] as const;

type Waiting = { id: string; version: number; email: string; personIdentifier: string | null; locale: 'en' | 'da'; reference: string; requestedAt: Date; latestReminder: number };

/**
 * The number of the latest reminder since the application's latest request for information (0: none yet). A reminder
 * is numbered by how many were due when it went out, so one that is late (the service was down on day 14, and now it
 * is day 26) covers both and the applicant is not reminded twice within the hour.
 */
const latestReminderSinceRequest = (applicationId: SQL | string) =>
  sql<number>`(select coalesce(max(case when jsonb_typeof(e.data->'reminder') = 'number' then (e.data->>'reminder')::int end), 0)
    from ${applicationEvents} e where e.application_id = ${applicationId} and e.type = 'reminder_sent'
    and e.created_at > (select max(r.created_at) from ${infoRequests} r where r.application_id = ${applicationId}))`.mapWith(Number);

async function waitingApplications(db: Db, olderThanDays: number): Promise<Waiting[]> {
  return db
    .select({
      id: applications.id,
      version: applications.version,
      email: applications.email,
      personIdentifier: applications.personIdentifier,
      locale: applications.locale,
      reference: applications.reference,
      requestedAt: sql<Date>`max(${infoRequests.createdAt})`.mapWith((v: string | Date) => new Date(v)),
      latestReminder: latestReminderSinceRequest(sql`${applications.id}`),
    })
    .from(applications)
    .innerJoin(infoRequests, eq(infoRequests.applicationId, applications.id))
    .where(eq(applications.state, 'awaiting_applicant'))
    .groupBy(applications.id)
    .having(lt(sql`max(${infoRequests.createdAt})`, sql`now() - make_interval(days => ${olderThanDays})`));
}

const daysSince = (d: Date) => (Date.now() - d.getTime()) / 86_400_000;

/** Sends the reminders that are due and expires what waited too long; safe to run as often as wanted. */
export async function remindAndExpire(db: Db): Promise<{ reminded: number; expired: number }> {
  let reminded = 0;
  let expired = 0;
  for (const app of await waitingApplications(db, REMINDER_DAYS[0])) {
    try {
      if (daysSince(app.requestedAt) >= ANSWER_DAYS) {
        await db.transaction(async (tx) => {
          await applyTransition(tx, {
            applicationId: app.id,
            transition: 'expire',
            actor: { type: 'system' },
            expectedVersion: app.version,
            set: { assignedTo: null, assignedAt: null },
            email: (row) => ({ template: 'application-expired', data: { reference: row.reference } }),
          });
        });
        expired++;
        continue;
      }
      const due = REMINDER_DAYS.filter((d) => daysSince(app.requestedAt) >= d).length;
      if (app.latestReminder >= due) continue;
      // A reminder carries a fresh link beside the old one, which keeps working: the applicant may be on the status page
      // right now. The row lock and the state check keep it from racing an answer; the version stays, so an open
      // answer form is not refused for a change the applicant never made. Under the lock the latest reminder is read
      // again: two runs at once (two instances, a run that overlaps the next) send each reminder once.
      const { token, hash } = newStatusToken();
      await db.transaction(async (tx) => {
        const [row] = await tx
          .select({ id: applications.id })
          .from(applications)
          .where(and(eq(applications.id, app.id), eq(applications.version, app.version), eq(applications.state, 'awaiting_applicant')))
          .for('update');
        if (!row) return;
        const [sent] = await tx.execute<{ n: number }>(sql`select ${latestReminderSinceRequest(app.id)}::int as n`);
        if (Number(sent?.n ?? 0) >= due) return;
        await tx.insert(statusLinks).values({ applicationId: app.id, tokenHash: hash });
        await recordEvent(tx, { applicationId: app.id, actor: { type: 'system' }, type: 'reminder_sent', data: { reminder: due } });
        const daysLeft = String(Math.max(1, Math.ceil(ANSWER_DAYS - daysSince(app.requestedAt))));
        await enqueueEmail(tx, { to: app.email, personIdentifier: app.personIdentifier, template: 'info-reminder', locale: app.locale, data: { reference: app.reference, statusUrl: statusLink(token), days: daysLeft } });
        reminded++;
      });
    } catch (e) {
      // Someone (the applicant answering, a caseworker) changed it meanwhile: the next run looks again.
      if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
      logger.info({ applicationId: app.id }, 'waiting application changed while reminding; skipped');
    }
  }
  return { reminded, expired };
}
