// Object storage for document images: local disk in demo mode, S3 when S3_BUCKET is set.
// Keys are opaque; images are served to people only through authorised routes, never by public URL.
import path from 'node:path';
import { env } from '@/lib/env';
import { createLocalStorage } from './local';
import { createS3Storage } from './s3';
import type { ObjectStorage } from './types';

export type { ObjectStorage } from './types';
export { ObjectNotFoundError } from './types';
export { createLocalStorage } from './local';
export { createS3Storage } from './s3';

const globalStore = globalThis as unknown as { __imStorage?: ObjectStorage };

export function getStorage(): ObjectStorage {
  if (!globalStore.__imStorage) {
    const e = env();
    globalStore.__imStorage = e.S3_BUCKET
      ? createS3Storage({
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          endpoint: e.S3_ENDPOINT,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        })
      : createLocalStorage(path.join(e.DATA_DIR, 'uploads'));
  }
  return globalStore.__imStorage;
}
