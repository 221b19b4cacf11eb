import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { getDb } from '@/lib/db';
import { enqueueEmail } from '@/lib/email';
import { crash, runChild, until, type Child } from './support/child';
import { resendStandIn, type ResendStandIn } from './support/resend-stand-in';

// `npm run worker` is killed (SIGKILL) after Resend accepted an email but before the worker heard back. After a
// restart the email is sent again with the same idempotency key, so the applicant receives it exactly once.
let resend: ResendStandIn;
const running: Child[] = [];
beforeAll(async () => {
  resend = await resendStandIn();
});
afterAll(async () => {
  for (const w of running) if (w.process.exitCode === null && w.process.signalCode === null) await crash(w);
  await resend.close();
});

function worker(): Child {
  const w = runChild('scripts/worker.ts', { APP_MODE: 'demo', RESEND_API_KEY: 're_test_key', RESEND_BASE_URL: resend.url });
  running.push(w);
  return w;
}

async function outboxRow(id: string) {
  const [row] = await getDb().select().from(emailOutbox).where(eq(emailOutbox.id, id));
  return row!;
}

describe('the worker dies while it delivers an email', () => {
  it('delivers the email exactly once after the worker is restarted', async () => {
    const id = await enqueueEmail(getDb(), { to: 'ana@example.com', template: 'test', locale: 'en', data: { name: 'Ana' } });
    resend.holdAnswers = true;
    const first = worker();
    await until(() => resend.delivered.length === 1, first, 40_000);
    await crash(first);
    expect((await outboxRow(id)).status).toBe('pending');

    // The dead worker's lease (five minutes) runs out; here it is made to run out now.
    await getDb().update(emailOutbox).set({ nextAttemptAt: sql`now()` }).where(eq(emailOutbox.id, id));
    resend.holdAnswers = false;
    const second = worker();
    await until(async () => (await outboxRow(id)).status === 'sent', second, 40_000);
    await crash(second);

    expect(resend.requests).toBe(2);
    expect(resend.delivered).toEqual([{ idempotencyKey: `outbox-${id}`, to: ['ana@example.com'], subject: 'Test email from Identity Matching' }]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', providerId: 're_1', attempts: 2 });
  }, 120_000);
});
