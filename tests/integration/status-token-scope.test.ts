// An applicant's private status link opens their own application and nothing else: with A's token, every status
// endpoint aimed at B (its photo, an answer, a withdrawal) acts on A or refuses, and B is left exactly as it was.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as ownThumbnail } from '@/app/api/v1/applications/status/documents/[id]/thumbnail/route';
import { POST as answer } from '@/app/api/v1/applications/status/answer/route';
import { POST as withdraw } from '@/app/api/v1/applications/status/withdraw/route';
import { GET as draftThumbnail } from '@/app/api/v1/uploads/[id]/thumbnail/route';
import { applications, documents } from '@/db/schema';
import { getDb } from '@/lib/db';
import { BASE, getRequest, jsonRequest, params } from './support/applicant';
import { awaitingApplicant, submittedApplication } from './support/cases';
import { seedRegister } from './support/journey';

const session = (token: string) => `im_status=${token}`;
const stateOf = async (id: string) => (await getDb().select({ state: applications.state, version: applications.version }).from(applications).where(eq(applications.id, id)))[0];

let mine: Awaited<ReturnType<typeof submittedApplication>>;
let theirs: Awaited<ReturnType<typeof awaitingApplicant>>;
let theirPhotoId: string;

beforeAll(async () => {
  await seedRegister(getDb());
  mine = await submittedApplication();
  theirs = await awaitingApplicant([{ type: 'question' }]);
  const [doc] = await getDb().select({ id: documents.id }).from(documents).where(eq(documents.applicationId, theirs.applicationId));
  theirPhotoId = doc!.id;
}, 120_000);

describe("one applicant's status token against another's application", () => {
  it("does not show the other application's photo", async () => {
    const res = await ownThumbnail(getRequest(`/api/v1/applications/status/documents/${theirPhotoId}/thumbnail`, session(mine.token)), params({ id: theirPhotoId }));
    expect(res.status).toBe(404);
    const draft = await draftThumbnail(getRequest(`/api/v1/uploads/${theirPhotoId}/thumbnail`, session(mine.token)), params({ id: theirPhotoId }));
    expect(draft.status).toBeGreaterThanOrEqual(400);
    expect(draft.status).toBeLessThan(500);
  });

  it('cannot answer or withdraw the other application, which stays as it was', async () => {
    const before = await stateOf(theirs.applicationId);
    const answered = await answer(jsonRequest('/api/v1/applications/status/answer', { expectedVersion: before!.version, message: 'Not mine' }, { cookie: session(mine.token), headers: { origin: BASE } }), undefined as never);
    expect(answered.status).toBe(409);
    const withdrawn = await withdraw(jsonRequest('/api/v1/applications/status/withdraw', { expectedVersion: before!.version }, { cookie: session(mine.token), headers: { origin: BASE } }), undefined as never);
    expect(withdrawn.status).toBe(409);
    expect(await stateOf(theirs.applicationId)).toEqual(before);
  });

  it('opens its own photo', async () => {
    const res = await ownThumbnail(getRequest(`/api/v1/applications/status/documents/${mine.photo}/thumbnail`, session(mine.token)), params({ id: mine.photo }));
    expect(res.status).toBe(200);
  });
});
