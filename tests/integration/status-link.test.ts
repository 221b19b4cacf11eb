import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { DELETE as endSession, POST as openSession } from '@/app/api/v1/applications/status/session/route';
import { GET as ownThumbnail } from '@/app/api/v1/applications/status/documents/[id]/thumbnail/route';
import { POST as withdraw } from '@/app/api/v1/applications/status/withdraw/route';
import { applicationEvents, applications } from '@/db/schema';
import { getApplicantStatus } from '@/lib/applications/status';
import { findByStatusToken, WRONG_TOKEN_LIMIT } from '@/lib/applications/status-token';
import { getDb } from '@/lib/db';
import { randomToken } from '@/lib/security/crypto';
import { getRequest, jsonRequest, params } from './support/applicant';
import { caseworker, submittedApplication, takeCase } from './support/cases';
import { emailsAbout } from './support/mail';
import { CLIENT_ADDRESS_HEADER } from '@/lib/http';

const ctx = undefined as never;
let ipCounter = 0;
/** Each test comes from its own address, so the wrong-token counter of one test does not spill into another. */
const freshIp = () => `203.0.113.${++ipCounter}`;

async function open(token: string, ip: string) {
  const res = await openSession(jsonRequest('/api/v1/applications/status/session', { token }, { headers: { [CLIENT_ADDRESS_HEADER]: ip } }), ctx);
  const text = await res.text();
  return { status: res.status, cookie: res.headers.get('set-cookie'), error: text ? (JSON.parse(text) as { error: { message: string } }).error : undefined };
}

const sessionCookie = (token: string) => `im_status=${token}`;

describe('the private status link', () => {
  it('opens with the token from the email and sets an httpOnly, strict session cookie', async () => {
    const app = await submittedApplication();
    const res = await open(app.token, freshIp());
    expect(res.status).toBe(204);
    expect(res.cookie).toContain(`im_status=${app.token}`);
    expect(res.cookie).toMatch(/HttpOnly/i);
    expect(res.cookie).toMatch(/SameSite=strict/i);

    const status = await getApplicantStatus(getDb(), app.applicationId);
    expect(status).toMatchObject({ reference: app.reference, state: 'submitted', canWithdraw: true, openRequest: null });
    expect(status!.history.map((h) => h.type)).toEqual(['submitted']);
    expect(JSON.stringify(status)).not.toMatch(/1503851234|150385-1234/);
  });

  it('stores only a hash of the token', async () => {
    const app = await submittedApplication();
    const [row] = await getDb().select().from(applications).where(eq(applications.id, app.applicationId));
    expect(JSON.stringify(row)).not.toContain(app.token);
  });

  it('answers a wrong token with a clear message', async () => {
    await submittedApplication();
    const res = await open(randomToken(32), freshIp());
    expect(res.status).toBe(404);
    expect(res.error!.message).toBe('This link is not valid. Please check that you used the whole link from our email. If we have sent you a newer email, use the link in that one.');
    expect(res.cookie).toBeNull();
    expect((await open('short', freshIp())).status).toBe(404);
  });

  it('keeps working while the application is open, and until 30 days after it closes', async () => {
    const app = await submittedApplication();
    const db = getDb();
    const staff = await caseworker();
    await takeCase(app.applicationId, staff);
    expect(await findByStatusToken(db, app.token)).toEqual({ ok: true, applicationId: app.applicationId });

    const res = await withdraw(jsonRequest('/api/v1/applications/status/withdraw', { expectedVersion: 2 }, { cookie: sessionCookie(app.token) }), ctx);
    expect(res.status).toBe(204);
    const [closed] = await db.select().from(applications).where(eq(applications.id, app.applicationId));
    expect(closed!.state).toBe('withdrawn');
    const days = (closed!.statusTokenExpiresAt!.getTime() - Date.now()) / 86400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThanOrEqual(30);
    expect(await findByStatusToken(db, app.token, new Date(Date.now() + 29 * 86400_000))).toMatchObject({ ok: true });
    expect(await findByStatusToken(db, app.token, new Date(Date.now() + 31 * 86400_000))).toEqual({ ok: false, reason: 'expired' });

    await db.update(applications).set({ statusTokenExpiresAt: new Date(Date.now() - 1000) }).where(eq(applications.id, app.applicationId));
    const expired = await open(app.token, freshIp());
    expect(expired.status).toBe(404);
    expect(expired.error!.message).toBe('This link has expired. Links stop working 30 days after an application is closed.');
    // A session opened before the expiry ends with it.
    const late = await ownThumbnail(getRequest(`/x`, sessionCookie(app.token)), params({ id: app.photo }));
    expect(late.status).toBe(401);
  });

  it('refuses every attempt from an address after too many wrong tokens, even a right one', async () => {
    const app = await submittedApplication();
    const ip = freshIp();
    for (let i = 0; i < WRONG_TOKEN_LIMIT; i++) expect((await open(randomToken(32), ip)).status).toBe(404);
    const blocked = await open(app.token, ip);
    expect(blocked.status).toBe(429);
    expect(blocked.error!.message).toBe('Too many attempts with links that do not work. Please wait 15 minutes and try again.');
    expect(blocked.cookie).toBeNull();
    // Another address is not affected.
    expect((await open(app.token, freshIp())).status).toBe(204);
  });

  it('counts wrong tokens fired all at once: only the limit gets an answer, the rest are refused', async () => {
    const app = await submittedApplication();
    const ip = freshIp();
    const parallel = await Promise.all(Array.from({ length: 3 * WRONG_TOKEN_LIMIT }, () => open(randomToken(32), ip)));
    const statuses = parallel.map((r) => r.status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(WRONG_TOKEN_LIMIT);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2 * WRONG_TOKEN_LIMIT);
    expect(parallel.every((r) => r.cookie === null)).toBe(true);
    // The right token after the burst is refused too, and opens from another address.
    expect((await open(app.token, ip)).status).toBe(429);
    expect((await open(app.token, freshIp())).status).toBe(204);
  });

  it('gives a right token its count back, so opening the link again and again never locks the applicant out', async () => {
    const app = await submittedApplication();
    const ip = freshIp();
    const opened = await Promise.all(Array.from({ length: WRONG_TOKEN_LIMIT }, () => open(app.token, ip)));
    expect(opened.map((r) => r.status)).toEqual(Array(WRONG_TOKEN_LIMIT).fill(204));
    for (let i = 0; i < 2 * WRONG_TOKEN_LIMIT; i++) expect((await open(app.token, ip)).status).toBe(204);
    for (let i = 0; i < WRONG_TOKEN_LIMIT; i++) expect((await open(randomToken(32), ip)).status).toBe(404);
    expect((await open(app.token, ip)).status).toBe(429);
  });

  it('shows the applicant their own thumbnails and never another applicant’s', async () => {
    const mine = await submittedApplication();
    const theirs = await submittedApplication();
    const ok = await ownThumbnail(getRequest(`/api/v1/applications/status/documents/${mine.photo}/thumbnail`, sessionCookie(mine.token)), params({ id: mine.photo }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/webp');
    const other = await ownThumbnail(getRequest(`/api/v1/applications/status/documents/${theirs.photo}/thumbnail`, sessionCookie(mine.token)), params({ id: theirs.photo }));
    expect(other.status).toBe(404);
    const noSession = await ownThumbnail(getRequest(`/api/v1/applications/status/documents/${mine.photo}/thumbnail`), params({ id: mine.photo }));
    expect(noSession.status).toBe(401);
  });

  it('ends the session on request', async () => {
    const res = await endSession(jsonRequest('/api/v1/applications/status/session', {}, { method: 'DELETE' }), ctx);
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/im_status=;.*Max-Age=0/);
  });
});

describe('withdrawing', () => {
  it('withdraws an undecided application with its history event and a confirmation email', async () => {
    const app = await submittedApplication();
    const res = await withdraw(jsonRequest('/api/v1/applications/status/withdraw', { expectedVersion: 1 }, { cookie: sessionCookie(app.token) }), ctx);
    expect(res.status).toBe(204);
    const db = getDb();
    const status = await getApplicantStatus(db, app.applicationId);
    expect(status).toMatchObject({ state: 'withdrawn', canWithdraw: false });
    expect(status!.history.map((h) => h.type)).toEqual(['submitted', 'withdrawn']);
    const [event] = await db.select().from(applicationEvents).where(and(eq(applicationEvents.applicationId, app.applicationId), eq(applicationEvents.type, 'withdrawn')));
    expect(event).toMatchObject({ actorType: 'applicant', data: { from: 'submitted', to: 'withdrawn' } });
    const emails = await emailsAbout(app.reference);
    expect(emails.map((e) => e.subject)).toContain(`Your application ${app.reference} has been withdrawn`);
  });

  it('refuses to withdraw twice, or with a stale version, and changes nothing', async () => {
    const app = await submittedApplication();
    const cookie = sessionCookie(app.token);
    const stale = await withdraw(jsonRequest('/api/v1/applications/status/withdraw', { expectedVersion: 7 }, { cookie }), ctx);
    expect(stale.status).toBe(409);
    expect((await withdraw(jsonRequest('/api/v1/applications/status/withdraw', { expectedVersion: 1 }, { cookie }), ctx)).status).toBe(204);
    const again = await withdraw(jsonRequest('/api/v1/applications/status/withdraw', { expectedVersion: 2 }, { cookie }), ctx);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe("This cannot be done in the application's current state. Please reload the page.");
    const events = await getDb().select().from(applicationEvents).where(eq(applicationEvents.applicationId, app.applicationId));
    expect(events.map((e) => e.type)).toEqual(['submitted', 'withdrawn']);
  });

  it('refuses to withdraw without a status session', async () => {
    const res = await withdraw(jsonRequest('/api/v1/applications/status/withdraw', { expectedVersion: 1 }), ctx);
    expect(res.status).toBe(401);
  });
});
