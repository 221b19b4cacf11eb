// Configuration: every variable of the runtime table, validated once with zod.
// Demo mode fills what is missing with embedded defaults; production demands the real values and fails fast.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isEmbeddedDatabase } from './db/demo-database';

const key32 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)');
const optionalUrl = z.url().optional();
const keyList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
  .pipe(z.array(key32));
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    APP_MODE: z.enum(['demo', 'production']).default('demo'),
    APP_MODE_SET: z.boolean(),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    NODE_ENV: z.string().optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    APP_URL: optionalUrl,
    DATA_DIR: z.string().default('.data'),
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
    DATABASE_READ_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DATA_KEY: key32.optional(),
    INDEX_KEY: key32.optional(),
    /** Comma-separated keys that were DATA_KEY / INDEX_KEY before a rotation: still read, never written with. */
    DATA_KEYS_OLD: keyList,
    INDEX_KEYS_OLD: keyList,
    S3_BUCKET: z.string().min(3).optional(),
    S3_REGION: z.string().default('eu-north-1'),
    S3_ENDPOINT: optionalUrl,
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    RESEND_API_KEY: z.string().optional(),
    RESEND_BASE_URL: optionalUrl,
    EMAIL_FROM: z.string().default('Identity Matching <no-reply@identity-matching.example>'),
    EID_ISSUER: optionalUrl,
    EID_CLIENT_ID: z.string().optional(),
    EID_CLIENT_SECRET: z.string().optional(),
    EID_SCOPE: z.string().default('openid profile'),
    /** JSON object renaming claims, e.g. {"personIdentifier":"eidas_pid","levelOfAssurance":"loa"}. */
    EID_CLAIMS: z.string().optional(),
    MITID_ISSUER: optionalUrl,
    MITID_CLIENT_ID: z.string().optional(),
    MITID_CLIENT_SECRET: z.string().optional(),
    MITID_SCOPE: z.string().default('openid'),
    MITID_CPR_CLAIM: z.string().default('cpr'),
    /** The claim carrying the MitID login's level of assurance (NSIS: …/loa/Substantial). */
    MITID_LOA_CLAIM: z.string().default('acr'),
    AUTH_OIDC_ISSUER: optionalUrl,
    AUTH_OIDC_CLIENT_ID: z.string().optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
    RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
    SERVICE_TARGET_DAYS: z.coerce.number().int().min(1).max(60).default(5),
    JOBS_IN_PROCESS: bool.default(true),
    UPLOAD_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    /** Which CPR register answers: the cpr_register table, or the national register through CPR Direkte. */
    CPR_REGISTER: z.enum(['table', 'cpr-direkte']).optional(),
    CPR_DIREKTE_HOST: z.string().min(1).optional(),
    CPR_DIREKTE_PORT: z.coerce.number().int().min(1).max(65535).default(5000),
    CPR_DIREKTE_CUSTOMER: z.string().regex(/^\d{1,4}$/, 'must be the 4-digit customer number').optional(),
    CPR_DIREKTE_USER: z.string().max(8, 'must be at most 8 characters').optional(),
    CPR_DIREKTE_PASSWORD: z.string().max(8, 'must be at most 8 characters').optional(),
    /** PEM file of the CA that signed the service's certificate, when it is not one Node trusts already. */
    CPR_DIREKTE_CA: z.string().refine((f) => existsSync(f), 'file not found').optional(),
    CPR_DIREKTE_TRANSACTION: z.string().regex(/^[A-Z0-9]{4}$/, 'must be a 4-character transaction code').default('PRIV'),
    CPR_DIREKTE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    CPR_DIREKTE_POOL_SIZE: z.coerce.number().int().min(1).max(32).default(4),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((v, ctx) => {
    const embedded = v.DATABASE_URL !== undefined && isEmbeddedDatabase(v.DATABASE_URL, v.DATA_DIR);
    if (!v.APP_MODE_SET && ((v.DATABASE_URL && !embedded) || v.S3_BUCKET || v.RESEND_API_KEY)) {
      // Real components without an explicit mode: never fall back to demo (it would seed demo staff into them).
      // The embedded PostgreSQL of DATA_DIR is demo's own, so it needs no mode.
      ctx.addIssue({ code: 'custom', path: ['APP_MODE'], message: 'must be set explicitly (production or demo) when DATABASE_URL, S3_BUCKET or RESEND_API_KEY is set' });
    }
    if (registerOf(v) === 'cpr-direkte') {
      for (const name of ['CPR_DIREKTE_HOST', 'CPR_DIREKTE_CUSTOMER', 'CPR_DIREKTE_USER', 'CPR_DIREKTE_PASSWORD'] as const) {
        if (!v[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when CPR_REGISTER is cpr-direkte' });
      }
    }
    if (v.APP_MODE !== 'production') return;
    for (const name of ['DATABASE_URL', 'AUTH_SECRET', 'DATA_KEY', 'INDEX_KEY', 'APP_URL', 'S3_BUCKET', 'RESEND_API_KEY'] as const) {
      if (!v[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required in production' });
    }
    // Nothing fills the table in production: a register left unconfigured would match nobody, silently.
    if (!registerOf(v)) {
      ctx.addIssue({
        code: 'custom',
        path: ['CPR_REGISTER'],
        message: 'is required in production: set CPR_REGISTER=cpr-direkte with CPR_DIREKTE_HOST, CPR_DIREKTE_CUSTOMER, CPR_DIREKTE_USER and CPR_DIREKTE_PASSWORD (or CPR_REGISTER=table to use the cpr_register table)',
      });
    }
  });

/** CPR_REGISTER, or cpr-direkte when only its host is given; demo mode falls back to the table. */
function registerOf(v: { APP_MODE: string; CPR_REGISTER?: 'table' | 'cpr-direkte'; CPR_DIREKTE_HOST?: string }) {
  return v.CPR_REGISTER ?? (v.CPR_DIREKTE_HOST ? 'cpr-direkte' : v.APP_MODE === 'demo' ? 'table' : undefined);
}

type Parsed = z.output<typeof schema>;
export type Env = Parsed & {
  isDemo: boolean;
  CPR_REGISTER: 'table' | 'cpr-direkte';
  APP_URL: string;
  AUTH_SECRET: string;
  DATA_KEY: string;
  INDEX_KEY: string;
};

export class EnvError extends Error {}

/** Parses a set of variables; throws EnvError naming every missing or malformed variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse({ ...cleaned, APP_MODE_SET: 'APP_MODE' in cleaned });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const v = result.data;
  const isDemo = v.APP_MODE === 'demo';
  const keys = isDemo ? demoKeys(v.DATA_DIR) : undefined;
  return {
    ...v,
    isDemo,
    APP_URL: v.APP_URL ?? `http://localhost:${v.PORT}`,
    CPR_REGISTER: registerOf(v)!,
    AUTH_SECRET: v.AUTH_SECRET ?? keys!.AUTH_SECRET,
    DATA_KEY: v.DATA_KEY ?? keys!.DATA_KEY,
    INDEX_KEY: v.INDEX_KEY ?? keys!.INDEX_KEY,
  };
}

/** Demo keys are generated once into DATA_DIR/keys.json so restarts can still decrypt the data. */
function demoKeys(dataDir: string): { AUTH_SECRET: string; DATA_KEY: string; INDEX_KEY: string } {
  const file = path.resolve(dataDir, 'keys.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const keys = {
    AUTH_SECRET: randomBytes(32).toString('base64'),
    DATA_KEY: randomBytes(32).toString('base64'),
    INDEX_KEY: randomBytes(32).toString('base64'),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600, flag: 'wx' });
  } catch {
    // Another process wrote it first: use theirs.
    return JSON.parse(readFileSync(file, 'utf8'));
  }
  return keys;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
