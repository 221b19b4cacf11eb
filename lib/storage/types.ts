// The object store contract shared by the local-disk (demo) and S3 drivers.
import type { Readable } from 'node:stream';

export interface ObjectStorage {
  readonly driver: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  stream(key: string): Promise<Readable>;
  /** Deleting a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
  /** Cheap reachability check for /api/health. */
  check(): Promise<void>;
}

export class ObjectNotFoundError extends Error {
  constructor(key: string) {
    super(`object not found: ${key}`);
  }
}

/** Keys are opaque (random) and must never let a caller escape the store. */
export function assertSafeKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]{0,255}$/.test(key) || key.includes('..')) throw new Error('unsafe storage key');
}
