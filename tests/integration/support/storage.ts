// What the local object store holds, to assert that refused uploads leave nothing behind.
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export async function storedDocumentFiles(): Promise<string[]> {
  try {
    return await readdir(path.join(process.env.DATA_DIR!, 'uploads', 'documents'));
  } catch {
    return [];
  }
}
