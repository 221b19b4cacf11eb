// Local-disk object storage for demo mode: files under DATA_DIR/uploads, written atomically.
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { assertSafeKey, ObjectNotFoundError, type ObjectStorage } from './types';

export function createLocalStorage(root: string): ObjectStorage {
  const base = path.resolve(root);
  const fileOf = (key: string) => {
    assertSafeKey(key);
    return path.join(base, key);
  };
  const notFound = (key: string, e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new ObjectNotFoundError(key);
    return e;
  };
  return {
    driver: 'local',
    async put(key, body) {
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, body, { mode: 0o600 });
      await rename(tmp, file);
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (e) {
        throw notFound(key, e);
      }
    },
    async stream(key): Promise<Readable> {
      const file = fileOf(key);
      try {
        await stat(file);
      } catch (e) {
        throw notFound(key, e);
      }
      return createReadStream(file);
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async check() {
      await mkdir(base, { recursive: true });
      await stat(base);
    },
  };
}
