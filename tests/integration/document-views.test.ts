import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/documents/[id]/route';
import { applicationEvents, documents } from '@/db/schema';
import { getDb } from '@/lib/db';
import { addDocument, createApplication } from './support/fixtures';
import { createStaff, signInCookie } from './support/staff';

let caseworkerCookie: string;
let adminCookie: string;
let caseworkerId: string;

beforeAll(async () => {
  caseworkerId = (await createStaff('reviewer@example.dk', 'caseworker', 'Reviewer')).id;
  await createStaff('admin@example.dk', 'admin', 'Admin');
  caseworkerCookie = await signInCookie('reviewer@example.dk');
  adminCookie = await signInCookie('admin@example.dk');
});

function view(id: string, cookie: string | null, size?: string) {
  const url = `http://localhost:3000/api/v1/documents/${id}${size ? `?size=${size}` : ''}`;
  return GET(new NextRequest(url, { headers: cookie ? { cookie } : {} }), { params: Promise.resolve({ id }) });
}

async function viewsOf(applicationId: string) {
  return getDb()
    .select()
    .from(applicationEvents)
    .where(and(eq(applicationEvents.applicationId, applicationId), eq(applicationEvents.type, 'document_viewed')));
}

describe('the document image route', () => {
  it('serves the review image and the thumbnail to a caseworker and records every view', async () => {
    const app = await createApplication({ documentType: 'id_card' });
    const front = await addDocument(app.id, 'id_front');
    const back = await addDocument(app.id, 'id_back');

    const review = await view(front, caseworkerCookie);
    expect(review.status).toBe(200);
    expect(review.headers.get('content-type')).toBe('image/jpeg');
    expect(review.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(await review.arrayBuffer());
    expect(bytes.subarray(0, 3).toString('hex')).toBe('ffd8ff');

    const thumb = await view(back, caseworkerCookie, 'thumb');
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    await thumb.arrayBuffer();
    await (await view(front, caseworkerCookie)).arrayBuffer();

    const views = await viewsOf(app.id);
    expect(views).toHaveLength(3);
    expect(views.map((v) => [v.actorType, v.actorId, v.data.documentId, v.data.size])).toEqual([
      ['staff', caseworkerId, front, 'review'],
      ['staff', caseworkerId, back, 'thumb'],
      ['staff', caseworkerId, front, 'review'],
    ]);
  });

  it('refuses a visitor without a session (401) and an admin without the caseworker role (403), recording nothing', async () => {
    const app = await createApplication();
    const doc = await addDocument(app.id);
    expect((await view(doc, null)).status).toBe(401);
    expect((await view(doc, 'authjs.session-token=forged')).status).toBe(401);
    const forbidden = await view(doc, adminCookie);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { message: string } }).error.message).toBe('You do not have access to this.');
    expect(await viewsOf(app.id)).toEqual([]);
  });

  it('does not find unknown ids, drafts or deleted images, and rejects an unknown size', async () => {
    const app = await createApplication();
    const doc = await addDocument(app.id);
    expect((await view('00000000-0000-4000-8000-000000000000', caseworkerCookie)).status).toBe(404);
    expect((await view('not-a-uuid', caseworkerCookie)).status).toBe(404);
    expect((await view(doc, caseworkerCookie, 'huge')).status).toBe(400);
    await getDb().update(documents).set({ applicationId: null }).where(eq(documents.id, doc));
    expect((await view(doc, caseworkerCookie)).status).toBe(404);
    await getDb().update(documents).set({ applicationId: app.id, deletedAt: new Date() }).where(eq(documents.id, doc));
    expect((await view(doc, caseworkerCookie)).status).toBe(404);
    expect(await viewsOf(app.id)).toEqual([]);
  });
});
