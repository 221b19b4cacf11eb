// Encryption of CPR numbers and other personal data at rest (AES-256-GCM), blind indexes (HMAC-SHA256) for look-ups,
// and the random tokens and hashes used for status links and API keys.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

const VERSION = 'v1';

function keyFrom(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('encryption key must be 32 bytes');
  return key;
}

/** Encrypts with a fresh 12-byte IV; the output carries version, IV and tag so it can be decrypted alone. */
export function encrypt(plain: string, key: string = env().DATA_KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(key), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Throws when the ciphertext was altered or made with another key. */
export function decrypt(sealed: string, key: string = env().DATA_KEY): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error('malformed ciphertext');
  const authTag = Buffer.from(tag, 'base64url');
  // A shortened tag would make forgeries far easier: only the full 16 bytes are accepted.
  if (authTag.length !== 16) throw new Error('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(key), Buffer.from(iv, 'base64url'), { authTagLength: 16 });
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

export function encryptJson(value: unknown, key?: string): string {
  return encrypt(JSON.stringify(value), key);
}

export function decryptJson<T>(sealed: string, key?: string): T {
  return JSON.parse(decrypt(sealed, key)) as T;
}

/** Deterministic keyed hash, so equal CPR numbers can be found without storing them in the clear. */
export function blindIndex(value: string, key: string = env().INDEX_KEY): string {
  return createHmac('sha256', keyFrom(key)).update(value, 'utf8').digest('base64url');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sha256(value: string | Buffer): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
