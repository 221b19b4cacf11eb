// Encryption of CPR numbers and other personal data at rest (AES-256-GCM), blind indexes (HMAC-SHA256) for look-ups,
// and the random tokens and hashes used for status links and API keys. Both kinds of key rotate: the current key
// writes, old keys still read until `npm run rotate-keys` (lib/security/rotate.ts) has moved every row over.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

// v2 ciphertexts name their key: `v2.<key id>.<iv>.<tag>.<body>`. v1 (written before keys could rotate) carries no key
// id and is tried against every configured key.
const VERSION = 'v2';
const LEGACY_VERSION = 'v1';

function keyFrom(base64: string): Buffer {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error('encryption key must be 32 bytes');
  return key;
}

/** A key's public name: the first 8 characters of the SHA-256 of its bytes (says nothing usable about the key). */
export function keyId(base64: string): string {
  return createHash('sha256').update(keyFrom(base64)).digest('base64url').slice(0, 8);
}

type Keyring = { current: string; currentId: string; byId: Map<string, string>; all: string[] };
const rings = new Map<string, Keyring>();

function ring(current: string, old: string[]): Keyring {
  const cacheKey = [current, ...old].join(',');
  let r = rings.get(cacheKey);
  if (!r) {
    const all = [current, ...old.filter((k) => k !== current)];
    r = { current, currentId: keyId(current), byId: new Map(all.map((k) => [keyId(k), k])), all };
    rings.set(cacheKey, r);
  }
  return r;
}

/** DATA_KEY encrypts; DATA_KEYS_OLD only decrypt, until `npm run rotate-keys` has re-encrypted everything. */
export function dataKeys(): Keyring {
  return ring(env().DATA_KEY, env().DATA_KEYS_OLD);
}

/** INDEX_KEY writes the blind index; INDEX_KEYS_OLD are still looked up (and the first fills `cpr_index_prev`). */
export function indexKeys(): Keyring {
  return ring(env().INDEX_KEY, env().INDEX_KEYS_OLD);
}

/** Encrypts with a fresh 12-byte IV; the output carries version, key id, IV and tag so it can be decrypted alone. */
export function encrypt(plain: string, key: string = dataKeys().current): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(key), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, keyId(key), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

function open(key: string, iv: string, tag: string, body: string): string {
  const authTag = Buffer.from(tag, 'base64url');
  // A shortened tag would make forgeries far easier: only the full 16 bytes are accepted.
  if (authTag.length !== 16) throw new Error('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', keyFrom(key), Buffer.from(iv, 'base64url'), { authTagLength: 16 });
  decipher.setAuthTag(authTag);
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Throws when the ciphertext was altered or made with a key that is not configured. */
export function decrypt(sealed: string, key?: string): string {
  const parts = sealed.split('.');
  if (parts[0] === VERSION && parts.length === 5) {
    const [, id, iv, tag, body] = parts as [string, string, string, string, string];
    const k = key ?? dataKeys().byId.get(id);
    if (!k) throw new Error(`ciphertext made with an unknown key (${id}): add it to DATA_KEYS_OLD`);
    return open(k, iv, tag, body);
  }
  if (parts[0] === LEGACY_VERSION && parts.length === 4) {
    const [, iv, tag, body] = parts as [string, string, string, string];
    let lastError: unknown;
    for (const k of key ? [key] : dataKeys().all) {
      try {
        return open(k, iv, tag, body);
      } catch (e) {
        lastError = e;
      }
    }
    throw lastError;
  }
  throw new Error('malformed ciphertext');
}

/** Whether a ciphertext is under the current DATA_KEY (else `npm run rotate-keys` re-encrypts it). */
export function isCurrentCiphertext(sealed: string): boolean {
  return sealed.startsWith(`${VERSION}.${dataKeys().currentId}.`);
}

export function encryptJson(value: unknown, key?: string): string {
  return encrypt(JSON.stringify(value), key);
}

export function decryptJson<T>(sealed: string, key?: string): T {
  return JSON.parse(decrypt(sealed, key)) as T;
}

/** Deterministic keyed hash, so equal CPR numbers can be found without storing them in the clear. */
export function blindIndex(value: string, key: string = indexKeys().current): string {
  return createHmac('sha256', keyFrom(key)).update(value, 'utf8').digest('base64url');
}

/** The value under every configured index key, current first: what a look-up must search for. */
export function blindIndexes(value: string): string[] {
  return indexKeys().all.map((k) => blindIndex(value, k));
}

/**
 * The two index columns of a row holding a CPR number: under the current key, and under the first old key while one
 * is configured. A process that still knows only the old key finds the row through the second column.
 */
export function cprIndexColumns(cpr: string): { cprIndex: string; cprIndexPrev: string | null } {
  const { current, all } = indexKeys();
  const prev = all[1];
  return { cprIndex: blindIndex(cpr, current), cprIndexPrev: prev ? blindIndex(cpr, prev) : null };
}

/** Two rows hold the same CPR number when any of their index values agree (they may sit under different keys mid-rotation). */
export function sameCprIndex(a: { cprIndex: string; cprIndexPrev: string | null }, b: { cprIndex: string; cprIndexPrev: string | null }): boolean {
  const mine = [a.cprIndex, a.cprIndexPrev].filter((v): v is string => v !== null);
  return [b.cprIndex, b.cprIndexPrev].some((v) => v !== null && mine.includes(v));
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
