// Housekeeping: expired journeys (with the CPR and eID data they carry), drafts, staff and connection sessions and
// rate-limit counters are deleted once they can no longer be used.
import { sql } from 'drizzle-orm';
import type { Db } from '@/lib/db';

export async function deleteExpiredState(db: Db): Promise<Record<string, number>> {
  const count = async (statement: ReturnType<typeof sql>) => (await db.execute(statement)).count;
  return {
    rateLimits: await count(sql`delete from rate_limits where expires_at < now()`),
    // Only the current minute's shards are read by a look-up.
    lookupCounts: await count(sql`delete from link_lookup_counts where window_start < date_trunc('minute', now()) - interval '1 minute'`),
    sessions: await count(sql`delete from sessions where expires < now() or last_seen_at < now() - interval '1 day'`),
    // The person's own sessions on /connection: 15 idle minutes, 2 hours at most (lib/connection/session).
    connectionSessions: await count(sql`delete from connection_sessions where last_seen_at < now() - interval '15 minutes' or created_at < now() - interval '2 hours'`),
    drafts: await count(sql`delete from application_drafts where expires_at < now()`),
    // Submitted photos belong to their application now: they no longer hold their journey (with its typed CPR) alive.
    detached: await count(sql`
      update documents d set journey_id = null from journeys j
       where d.journey_id = j.id and d.application_id is not null and j.expires_at < now() - interval '1 hour'`),
    // A journey's unsubmitted uploads are removed by the upload clean-up first; until then the journey stays.
    journeys: await count(sql`
      delete from journeys j where j.expires_at < now() - interval '1 hour'
        and not exists (select 1 from documents d where d.journey_id = j.id)
        and not exists (select 1 from application_drafts a where a.journey_id = j.id)`),
  };
}
