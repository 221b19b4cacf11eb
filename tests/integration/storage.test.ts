import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@/lib/db/embedded';
import { createLocalStorage, createS3Storage, ObjectNotFoundError, type ObjectStorage } from '@/lib/storage';

let s3server: S3rver;
let s3Port: number;

beforeAll(async () => {
  s3Port = await freePort();
  s3server = new S3rver({
    port: s3Port,
    address: 'localhost',
    silent: true,
    directory: mkdtempSync(path.join(os.tmpdir(), 'im-s3rver-')),
    configureBuckets: [{ name: 'im-documents', configs: [] }],
  });
  await s3server.run();
});

afterAll(async () => {
  await s3server.close();
});

const drivers: [string, () => ObjectStorage][] = [
  ['local disk', () => createLocalStorage(mkdtempSync(path.join(os.tmpdir(), 'im-local-')))],
  [
    'S3 (s3rver on loopback)',
    () => createS3Storage({ bucket: 'im-documents', region: 'eu-north-1', endpoint: `http://localhost:${s3Port}`, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }),
  ],
];

describe.each(drivers)('object storage on %s', (_name, make) => {
  it('stores, reads, streams and deletes an object', async () => {
    const store = make();
    const body = Buffer.from('a photo of a passport page');
    await store.put('docs/ab/cd/photo.jpg', body, 'image/jpeg');
    expect(await store.get('docs/ab/cd/photo.jpg')).toEqual(body);
    const chunks: Buffer[] = [];
    for await (const chunk of await store.stream('docs/ab/cd/photo.jpg')) chunks.push(Buffer.from(chunk));
    expect(Buffer.concat(chunks)).toEqual(body);
    await store.delete('docs/ab/cd/photo.jpg');
    await expect(store.get('docs/ab/cd/photo.jpg')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('says clearly when an object is missing, and deleting it again is harmless', async () => {
    const store = make();
    await expect(store.get('docs/none.jpg')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(store.stream('docs/none.jpg')).rejects.toBeInstanceOf(ObjectNotFoundError);
    await expect(store.delete('docs/none.jpg')).resolves.toBeUndefined();
  });

  it('refuses keys that could escape the store', async () => {
    const store = make();
    await expect(store.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/unsafe/);
    await expect(store.get('/abs/path')).rejects.toThrow(/unsafe/);
  });

  it('passes its health check', async () => {
    await expect(make().check()).resolves.toBeUndefined();
  });
});
