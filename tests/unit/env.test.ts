import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';

const key = Buffer.alloc(32, 3).toString('base64');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'im-env-'));

describe('configuration', () => {
  it('starts in demo mode with nothing set, generating keys once', () => {
    const dir = tmp();
    const first = parseEnv({ DATA_DIR: dir });
    const second = parseEnv({ DATA_DIR: dir });
    expect(first.isDemo).toBe(true);
    expect(first.PORT).toBe(3000);
    expect(first.APP_URL).toBe('http://localhost:3000');
    expect(Buffer.from(first.DATA_KEY, 'base64')).toHaveLength(32);
    expect(second.DATA_KEY).toBe(first.DATA_KEY);
    expect(second.INDEX_KEY).toBe(first.INDEX_KEY);
  });

  it('names a malformed variable', () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), PORT: 'eighty' })).toThrow(EnvError);
    expect(() => parseEnv({ DATA_DIR: tmp(), PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseEnv({ DATA_DIR: tmp(), DATA_KEY: 'short' })).toThrow(/DATA_KEY: must be 32 bytes/);
    expect(() => parseEnv({ DATA_DIR: tmp(), DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('demands every production secret and names each missing one', () => {
    let message = '';
    try {
      parseEnv({ APP_MODE: 'production' });
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'DATA_KEY', 'INDEX_KEY', 'APP_URL', 'S3_BUCKET', 'RESEND_API_KEY']) {
      expect(message).toContain(`${name}: is required in production`);
    }
  });

  it('refuses real components without an explicit mode, rather than seeding demo staff into them', () => {
    expect(() => parseEnv({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://u:p@db:5432/im' })).toThrow(/APP_MODE: must be set explicitly/);
    expect(parseEnv({ DATA_DIR: tmp(), APP_MODE: 'demo', DATABASE_URL: 'postgres://u:p@db:5432/im' }).isDemo).toBe(true);
  });

  const production = {
    APP_MODE: 'production',
    DATABASE_URL: 'postgres://u:p@db:5432/im',
    AUTH_SECRET: 'x'.repeat(40),
    DATA_KEY: key,
    INDEX_KEY: key,
    APP_URL: 'https://match.example.dk',
    S3_BUCKET: 'im-documents',
    RESEND_API_KEY: 're_123',
  };
  const cprDirekte = { CPR_REGISTER: 'cpr-direkte', CPR_DIREKTE_HOST: 'direkte.cpr.dk', CPR_DIREKTE_CUSTOMER: '4711', CPR_DIREKTE_USER: 'IMUSER01', CPR_DIREKTE_PASSWORD: 'Secret12' };

  it('accepts a complete production configuration', () => {
    const e = parseEnv({ ...production, ...cprDirekte });
    expect(e.isDemo).toBe(false);
    expect(e.APP_URL).toBe('https://match.example.dk');
    expect(e).toMatchObject({ CPR_REGISTER: 'cpr-direkte', CPR_DIREKTE_PORT: 5000, CPR_DIREKTE_TRANSACTION: 'PRIV', CPR_DIREKTE_TIMEOUT_MS: 5000 });
  });

  it('refuses to start in production without a CPR register, naming the variable', () => {
    expect(() => parseEnv(production)).toThrow(/CPR_REGISTER: is required in production.*CPR_DIREKTE_HOST/);
  });

  it('names each CPR Direkte variable that is missing', () => {
    let message = '';
    try {
      parseEnv({ ...production, CPR_REGISTER: 'cpr-direkte' });
    } catch (e) {
      message = (e as Error).message;
    }
    for (const name of ['CPR_DIREKTE_HOST', 'CPR_DIREKTE_CUSTOMER', 'CPR_DIREKTE_USER', 'CPR_DIREKTE_PASSWORD']) {
      expect(message).toContain(`${name}: is required when CPR_REGISTER is cpr-direkte`);
    }
  });

  it('takes CPR Direkte when only its host is given, and the table in production only when chosen explicitly', () => {
    const { CPR_REGISTER: _r, ...withoutChoice } = cprDirekte;
    expect(parseEnv({ ...production, ...withoutChoice }).CPR_REGISTER).toBe('cpr-direkte');
    expect(parseEnv({ ...production, CPR_REGISTER: 'table' }).CPR_REGISTER).toBe('table');
    expect(parseEnv({ DATA_DIR: tmp() }).CPR_REGISTER).toBe('table');
  });

  it('refuses a CA file that does not exist', () => {
    expect(() => parseEnv({ ...production, ...cprDirekte, CPR_DIREKTE_CA: '/nowhere/ca.pem' })).toThrow(/CPR_DIREKTE_CA: file not found/);
  });
});
