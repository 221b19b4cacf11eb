import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { eq } from 'drizzle-orm';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documents } from '@/db/schema';
import { getDb } from '@/lib/db';
import { freePort } from '@/lib/db/embedded';
import { findOwnedUpload } from '@/lib/documents/uploads';
import { removeOrphanUploads } from '@/lib/documents/orphans';
import { applicantJourney } from './support/applicant';
import { crash, runChild, until } from './support/child';
import { pausingProxy, type PausingProxy } from './support/pausing-proxy';

// A photo upload is a row and two objects in the bucket. The process storing it is killed (SIGKILL) at each point in
// between; whatever reached the bucket must still be found from a row and removed by the sweep, never left forever.
const BUCKET = 'im-crash-uploads';
let s3: S3rver;
let proxy: PausingProxy;
let s3Url: string;

beforeAll(async () => {
  const port = await freePort();
  s3Url = `http://localhost:${port}`;
  s3 = new S3rver({ port, address: 'localhost', silent: true, directory: mkdtempSync(path.join(os.tmpdir(), 'im-s3-crash-')), configureBuckets: [{ name: BUCKET, configs: [] }] });
  await s3.run();
  proxy = await pausingProxy(s3Url);
  // The child stores through the proxy; this process (the sweep, the checks) talks to the bucket directly.
  Object.assign(process.env, { S3_BUCKET: BUCKET, S3_ENDPOINT: s3Url, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' });
});
afterAll(async () => {
  await proxy.close();
  await s3.close();
});

async function bucketKeys(): Promise<string[]> {
  const client = new S3Client({ region: 'eu-north-1', endpoint: s3Url, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const out = await client.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  client.destroy();
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

async function rowsOf(journeyId: string) {
  return getDb().select().from(documents).where(eq(documents.journeyId, journeyId));
}

/** Starts storing a photo in a child process and kills it as soon as the proxy holds the PUT that `held` matches. */
async function crashWhileStoring(held: RegExp) {
  const { journeyId } = await applicantJourney();
  const heldBefore = proxy.held();
  proxy.hold((req) => req.method === 'PUT' && held.test(new URL(req.url ?? '/', 'http://x').pathname));
  const child = runChild('tests/integration/support/processes/store-photo.ts', { JOURNEY_ID: journeyId, S3_ENDPOINT: proxy.url });
  try {
    await until(() => proxy.held() > heldBefore, child, 20_000);
  } finally {
    await crash(child);
  }
  proxy.hold(null);
  return journeyId;
}

async function sweepAnHourLater(journeyId: string) {
  await getDb().update(documents).set({ createdAt: new Date(Date.now() - 61 * 60_000) }).where(eq(documents.journeyId, journeyId));
  return removeOrphanUploads(getDb());
}

describe('a crash while a photo is being stored', () => {
  it('stores a photo completely when nothing goes wrong', async () => {
    const { journeyId } = await applicantJourney();
    const child = runChild('tests/integration/support/processes/store-photo.ts', { JOURNEY_ID: journeyId, S3_ENDPOINT: proxy.url });
    expect(await child.exited).toEqual({ code: 0, signal: null });
    const [row] = await rowsOf(journeyId);
    expect(row!.storedAt).not.toBeNull();
    expect(await findOwnedUpload(getDb(), { journeyId }, row!.id)).not.toBeNull();
    expect(await bucketKeys()).toEqual(expect.arrayContaining([row!.storageKey, row!.thumbKey]));
    // A complete upload of a live journey is not swept an hour later.
    expect(await sweepAnHourLater(journeyId)).toEqual({ removed: 0 });
  });

  it('leaves a row, not a lost image, when the process dies before the first image is written, and the sweep removes it', async () => {
    const before = await bucketKeys();
    const journeyId = await crashWhileStoring(/\.jpg$/);
    const [row] = await rowsOf(journeyId);
    expect(row).toMatchObject({ storedAt: null });
    expect(await bucketKeys()).toEqual(before);
    // The applicant never sees a half-stored photo, and cannot submit with it.
    expect(await findOwnedUpload(getDb(), { journeyId }, row!.id)).toBeNull();

    expect(await removeOrphanUploads(getDb())).toEqual({ removed: 0 });
    expect(await sweepAnHourLater(journeyId)).toEqual({ removed: 1 });
    expect(await rowsOf(journeyId)).toEqual([]);
  });

  it('finds the review image written just before the process died through its row, and the sweep deletes it', async () => {
    const before = await bucketKeys();
    const journeyId = await crashWhileStoring(/\.thumb\.webp$/);
    const [row] = await rowsOf(journeyId);
    expect(row).toMatchObject({ storedAt: null });
    // The passport image reached the bucket; the row that points at it is what makes it removable.
    expect(await bucketKeys()).toEqual([...before, row!.storageKey].sort());
    expect(await findOwnedUpload(getDb(), { journeyId }, row!.id)).toBeNull();

    expect(await sweepAnHourLater(journeyId)).toEqual({ removed: 1 });
    expect(await bucketKeys()).toEqual(before);
    expect(await rowsOf(journeyId)).toEqual([]);
  });
});
