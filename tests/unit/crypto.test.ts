import { describe, expect, it } from 'vitest';
import { blindIndex, decrypt, decryptJson, encrypt, encryptJson, randomToken, safeEqual } from '@/lib/security/crypto';

const key = Buffer.alloc(32, 1).toString('base64');
const otherKey = Buffer.alloc(32, 2).toString('base64');

describe('CPR encryption at rest', () => {
  it('decrypts what it encrypted', () => {
    const sealed = encrypt('0105901233', key);
    expect(decrypt(sealed, key)).toBe('0105901233');
    expect(decryptJson(encryptJson({ cpr: '0105901233', email: 'a@b.dk' }, key), key)).toEqual({ cpr: '0105901233', email: 'a@b.dk' });
  });

  it('never stores the CPR number in the clear and never repeats a ciphertext', () => {
    const a = encrypt('0105901233', key);
    const b = encrypt('0105901233', key);
    expect(a).not.toContain('0105901233');
    expect(a).not.toBe(b);
  });

  it('refuses a ciphertext that was altered', () => {
    const sealed = encrypt('0105901233', key);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 0xff;
    parts[3] = body.toString('base64url');
    expect(() => decrypt(parts.join('.'), key)).toThrow();
  });

  it('refuses a ciphertext whose authentication tag was shortened', () => {
    const parts = encrypt('0105901233', key).split('.');
    parts[2] = Buffer.from(parts[2]!, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => decrypt(parts.join('.'), key)).toThrow();
  });

  it('refuses to decrypt with another key', () => {
    expect(() => decrypt(encrypt('0105901233', key), otherKey)).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => encrypt('x', Buffer.alloc(16).toString('base64'))).toThrow(/32 bytes/);
  });
});

describe('blind index', () => {
  it('is the same for the same CPR number and key, and differs across keys', () => {
    expect(blindIndex('0105901233', key)).toBe(blindIndex('0105901233', key));
    expect(blindIndex('0105901233', key)).not.toBe(blindIndex('0105901234', key));
    expect(blindIndex('0105901233', key)).not.toBe(blindIndex('0105901233', otherKey));
    expect(blindIndex('0105901233', key)).not.toContain('0105901233');
  });
});

describe('tokens', () => {
  it('are long, URL-safe and unique', () => {
    const t = randomToken();
    expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(t);
    expect(safeEqual(t, t)).toBe(true);
    expect(safeEqual(t, randomToken())).toBe(false);
  });
});
