import http from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { getDb } from '@/lib/db';
import { freePort } from '@/lib/db/embedded';
import { deliverPendingEmails, enqueueEmail, resendSender } from '@/lib/email';
import { getMailboxEmail, listMailbox } from '@/lib/email/mailbox';

/** A local HTTP server standing in for the Resend API: records requests, can be told to fail. */
type Received = { path: string; idempotencyKey: string | undefined; authorization: string | undefined; body: { to: string[]; subject: string; html: string; text: string } };
const received: Received[] = [];
let failNext = 0;
let server: http.Server;

beforeAll(async () => {
  const port = await freePort();
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'internal_server_error', message: 'try later' }));
        return;
      }
      received.push({ path: req.url ?? '', idempotencyKey: req.headers['idempotency-key'] as string | undefined, authorization: req.headers.authorization, body: JSON.parse(raw) });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `re_${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(port, 'localhost', r));
  process.env.RESEND_BASE_URL = `http://localhost:${port}`;
  process.env.RESEND_API_KEY = 're_test_key';
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

beforeEach(async () => {
  received.length = 0;
  failNext = 0;
  await getDb().delete(emailOutbox).where(eq(emailOutbox.status, emailOutbox.status));
});

describe('email outbox', () => {
  it('commits the email with the change, or not at all', async () => {
    const db = getDb();
    await expect(
      db.transaction(async (tx) => {
        await enqueueEmail(tx, { to: 'ana@example.com', template: 'test', locale: 'en', data: { name: 'Ana' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.select().from(emailOutbox)).toHaveLength(0);

    await db.transaction((tx) => enqueueEmail(tx, { to: 'ana@example.com', template: 'test', locale: 'en', data: { name: 'Ana' } }));
    expect(await db.select().from(emailOutbox)).toHaveLength(1);
  });

  it('refuses to queue an email that carries a CPR number', async () => {
    await expect(enqueueEmail(getDb(), { to: 'a@example.com', template: 'test', locale: 'en', data: { name: '010590-1233' } })).rejects.toMatchObject({ code: 'INVALID_INPUT', messageKey: 'cprInEmail' });
  });

  it('sends through the Resend API with the outbox id as idempotency key, in the applicant’s language', async () => {
    const db = getDb();
    const id = await enqueueEmail(db, { to: 'ana@example.com', template: 'test', locale: 'da', data: { name: 'Ana' } });
    expect(await deliverPendingEmails(db, resendSender())).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]!.path).toBe('/emails');
    expect(received[0]!.authorization).toBe('Bearer re_test_key');
    expect(received[0]!.idempotencyKey).toBe(`outbox-${id}`);
    expect(received[0]!.body.to).toEqual(['ana@example.com']);
    expect(received[0]!.body.subject).toBe('Test-e-mail fra Identity Matching');
    expect(received[0]!.body.text).toContain('Dette er en test-e-mail, Ana.');
    const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(row).toMatchObject({ status: 'sent', providerId: 're_1', attempts: 1 });
    // Nothing is sent twice.
    expect(await deliverPendingEmails(db, resendSender())).toEqual({ sent: 0, failed: 0 });
  });

  it('retries after a failure with back-off, then delivers', async () => {
    const db = getDb();
    const id = await enqueueEmail(db, { to: 'bo@example.com', template: 'test', locale: 'en', data: { name: 'Bo' } });
    failNext = 1;
    expect(await deliverPendingEmails(db, resendSender())).toEqual({ sent: 0, failed: 1 });
    const [afterFailure] = await db.select().from(emailOutbox).where(eq(emailOutbox.id, id));
    expect(afterFailure!.status).toBe('pending');
    expect(afterFailure!.lastError).toMatch(/resend/);
    expect(afterFailure!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    // Not due yet: nothing happens.
    expect(await deliverPendingEmails(db, resendSender())).toEqual({ sent: 0, failed: 0 });
    await db.update(emailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(emailOutbox.id, id));
    expect(await deliverPendingEmails(db, resendSender())).toEqual({ sent: 1, failed: 0 });
    expect(received.map((r) => r.idempotencyKey)).toEqual([`outbox-${id}`]);
  });

  it('shows queued emails in the demo mailbox, rendered', async () => {
    const db = getDb();
    const id = await enqueueEmail(db, { to: 'cy@example.com', template: 'test', locale: 'en', data: { name: 'Cy' } });
    const list = await listMailbox(db);
    expect(list.map((e) => [e.to, e.subject])).toEqual([['cy@example.com', 'Test email from Identity Matching']]);
    const email = await getMailboxEmail(db, id);
    expect(email!.html).toContain('This is a test email, Cy.');
    expect(email!.text).toContain('Please do not reply');
  });
});
