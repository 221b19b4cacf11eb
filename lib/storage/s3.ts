// S3 (or S3-compatible) object storage for production and scale-out; every instance shares the bucket.
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { assertSafeKey, ObjectNotFoundError, type ObjectStorage } from './types';

export type S3Options = {
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
};

export function createS3Storage(opts: S3Options): ObjectStorage {
  const client = new S3Client({
    region: opts.region,
    ...(opts.endpoint
      ? {
          endpoint: opts.endpoint,
          // S3-compatible servers need path-style URLs and do not all speak the newer checksum headers.
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED',
          responseChecksumValidation: 'WHEN_REQUIRED',
        }
      : {}),
    ...(opts.accessKeyId && opts.secretAccessKey
      ? { credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey } }
      : {}),
  });
  const Bucket = opts.bucket;

  async function body(key: string): Promise<Readable> {
    assertSafeKey(key);
    try {
      const out = await client.send(new GetObjectCommand({ Bucket, Key: key }));
      if (!out.Body) throw new ObjectNotFoundError(key);
      return out.Body as Readable;
    } catch (e) {
      const name = (e as { name?: string }).name;
      if (name === 'NoSuchKey' || name === 'NotFound') throw new ObjectNotFoundError(key);
      throw e;
    }
  }

  return {
    driver: 's3',
    async put(key, data, contentType) {
      assertSafeKey(key);
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: data, ContentType: contentType, ServerSideEncryption: opts.endpoint ? undefined : 'AES256' }));
    },
    async get(key) {
      const chunks: Buffer[] = [];
      for await (const chunk of await body(key)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stream: body,
    async delete(key) {
      assertSafeKey(key);
      await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
    },
    async check() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}
