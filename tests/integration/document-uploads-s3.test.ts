import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as upload } from '@/app/api/v1/uploads/route';
import { GET as thumbnail } from '@/app/api/v1/uploads/[id]/thumbnail/route';
import { documents } from '@/db/schema';
import { getDb } from '@/lib/db';
import { freePort } from '@/lib/db/embedded';
import { removeOrphanUploads } from '@/lib/documents/orphans';
import { getStorage, ObjectNotFoundError } from '@/lib/storage';
import { hasGps, rotatedPhotoWithGps } from '../support/test-images';
import { applicantJourney, getRequest, params, uploadRequest } from './support/applicant';

// The production path: photos go to an S3-compatible bucket (s3rver on loopback) instead of the local disk.
let s3: S3rver;
beforeAll(async () => {
  const port = await freePort();
  s3 = new S3rver({ port, address: 'localhost', silent: true, directory: mkdtempSync(path.join(os.tmpdir(), 'im-s3-uploads-')), configureBuckets: [{ name: 'im-uploads', configs: [] }] });
  await s3.run();
  Object.assign(process.env, { S3_BUCKET: 'im-uploads', S3_ENDPOINT: `http://localhost:${port}`, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' });
});
afterAll(async () => {
  await s3.close();
});

describe('document photos in S3', () => {
  it('stores the metadata-free review image and thumbnail in the bucket, serves the thumbnail, and removes orphans', async () => {
    expect(getStorage().driver).toBe('s3');
    const { cookie } = await applicantJourney();
    const res = await upload(uploadRequest('/api/v1/uploads', { bytes: await rotatedPhotoWithGps() }, { cookie }), undefined as never);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const [row] = await getDb().select().from(documents).where(eq(documents.id, id));
    const stored = await getStorage().get(row!.storageKey);
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 1800, height: 1260 });
    expect(meta.exif).toBeUndefined();
    expect(await hasGps(stored)).toBe(false);

    const thumb = await thumbnail(getRequest(`/api/v1/uploads/${id}/thumbnail`, cookie), params({ id }));
    expect(thumb.status).toBe(200);
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).format).toBe('webp');

    await getDb().update(documents).set({ createdAt: new Date(Date.now() - 25 * 3600_000) }).where(eq(documents.id, id));
    expect(await removeOrphanUploads(getDb())).toEqual({ removed: 1 });
    await expect(getStorage().get(row!.storageKey)).rejects.toBeInstanceOf(ObjectNotFoundError);
  });
});
