import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, documents, journeys, linkLookupCounts, relyingParties } from '@/db/schema';
import { seedDemo } from '@/scripts/seed';
import { getDb } from '@/lib/db';
import { createJourney } from '@/lib/journey';
import { deleteExpiredState } from '@/lib/retention/housekeeping';
import { hit, peek } from '@/lib/security/rate-limit';

describe('housekeeping', () => {
  it('deletes expired journeys and rate-limit counters, and keeps live ones', async () => {
    const live = await createJourney(getDb(), {});
    const old = await createJourney(getDb(), {});
    await getDb().execute(sql`update journeys set expires_at = now() - interval '2 hours' where id = ${old.id}`);
    await hit(getDb(), 'expired-key', 5, 1);
    await hit(getDb(), 'live-key', 5, 600);
    await new Promise((r) => setTimeout(r, 1100));

    const result = await deleteExpiredState(getDb());

    expect(result.journeys).toBe(1);
    expect(result.rateLimits).toBe(1);
    const left = await getDb().select({ id: journeys.id }).from(journeys);
    expect(left.map((j) => j.id)).toEqual([live.id]);
    expect(await peek(getDb(), 'live-key')).toBe(1);
  });

  it('deletes the link look-up counts of past minutes and keeps the current one', async () => {
    const [party] = await getDb().insert(relyingParties).values({ name: 'Service', apiKeyHash: 'hash-of-a-key' }).returning({ id: relyingParties.id });
    await getDb().insert(linkLookupCounts).values([
      { relyingPartyId: party!.id, windowStart: new Date(Date.now() - 3600_000), shard: 0, hits: 5 },
      { relyingPartyId: party!.id, windowStart: sql`date_trunc('minute', now())`, shard: 0, hits: 2 },
    ]);

    const result = await deleteExpiredState(getDb());

    expect(result.lookupCounts).toBe(1);
    expect((await getDb().select({ hits: linkLookupCounts.hits }).from(linkLookupCounts)).map((r) => r.hits)).toEqual([2]);
  });

  it('lets go of a journey once its photos belong to a submitted application', async () => {
    await seedDemo(process.env.DATABASE_URL!, { applications: 5 });
    const [app] = await getDb().select({ id: applications.id }).from(applications).limit(1);
    const journey = await createJourney(getDb(), {});
    await getDb().insert(documents).values({ applicationId: app!.id, journeyId: journey.id, kind: 'passport_photo', storageKey: 'seed/passport_photo.jpg', thumbKey: 'seed/passport_photo.thumb.webp', sha256: 'x', width: 1, height: 1, bytes: 1 });
    await getDb().execute(sql`update journeys set expires_at = now() - interval '2 hours' where id = ${journey.id}`);

    const result = await deleteExpiredState(getDb());

    expect(result.detached).toBe(1);
    expect(await getDb().select().from(journeys).where(eq(journeys.id, journey.id))).toEqual([]);
  });
});

