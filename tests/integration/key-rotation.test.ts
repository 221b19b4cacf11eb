import { createCipheriv, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/lib/db';
import { blindIndex, decryptJson } from '@/lib/security/crypto';
import { rotateKeys, rowsUnderOldKeys } from '@/lib/security/rotate';
import { findJourney } from '@/lib/journey';
import { APPLICANT_CPR } from './support/applicant';
import { submittedApplication } from './support/cases';
import { runChild } from './support/child';
import { legacyTypedJourney, readPersonalData, type Written } from './support/personal-data';

// The deployment after a key change: DATA_KEY and INDEX_KEY are new, the keys the data was written with are listed as
// old. The data itself is written beforehand by a process that knew only the old keys.
const keys = vi.hoisted(() => {
  const b64 = (n: number) => Buffer.alloc(32, n).toString('base64');
  const k = { oldData: b64(7), oldIndex: b64(9), newData: b64(21), newIndex: b64(23) };
  Object.assign(process.env, { DATA_KEY: k.newData, DATA_KEYS_OLD: k.oldData, INDEX_KEY: k.newIndex, INDEX_KEYS_OLD: k.oldIndex });
  return k;
});
/** Applications store the CPR number as ten digits. */
const CPR_DIGITS = APPLICANT_CPR.replace('-', '');
const oldKeysOnly = { DATA_KEY: keys.oldData, DATA_KEYS_OLD: '', INDEX_KEY: keys.oldIndex, INDEX_KEYS_OLD: '' };
const newKeysOnly = { DATA_KEY: keys.newData, DATA_KEYS_OLD: '', INDEX_KEY: keys.newIndex, INDEX_KEYS_OLD: '' };

/** The ciphertext format before key ids (v1.iv.tag.body), as older releases stored it. */
function legacyEncrypt(plain: string, key: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

function lastJson<T>(output: string): T {
  const line = output.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no result printed:\n${output}`);
  return JSON.parse(line) as T;
}

let written: Written;
let legacyJourneyId: string;

beforeAll(async () => {
  const writer = runChild('tests/integration/support/processes/write-personal-data.ts', oldKeysOnly);
  expect(await writer.exited, writer.output()).toEqual({ code: 0, signal: null });
  written = lastJson<Written>(writer.output());
  legacyJourneyId = await legacyTypedJourney(getDb(), keys.oldData, legacyEncrypt);
}, 120_000);

function expectEverythingReadable(read: Awaited<ReturnType<typeof readPersonalData>>) {
  expect(read.register).toEqual({ cpr: written.registerCpr, familyName: expect.any(String) });
  expect(read.link).toEqual({ cpr: written.registerCpr, method: 'auto' });
  const [first, second] = written.applications;
  expect(read.cases).toEqual([
    { reference: first!.reference, cpr: CPR_DIGITS, related: expect.arrayContaining([[second!.reference, 'cpr']]), statusLink: true },
    { reference: second!.reference, cpr: CPR_DIGITS, related: expect.arrayContaining([[first!.reference, 'cpr']]), statusLink: true },
  ]);
  expect(read.emails).toEqual(expect.arrayContaining([`We have received your application ${first!.reference}`, `We have received your application ${second!.reference}`, 'Your eID is now connected to your CPR number']));
  expect(read.draft).toEqual({ givenNames: 'Erika', cpr: APPLICANT_CPR });
  expect(read.typed).toBe(APPLICANT_CPR);
}

describe('rotating the data and index keys', () => {
  it('reads everything written under the old keys as soon as the new keys are configured, before any rotation', async () => {
    expect(await rowsUnderOldKeys(getDb())).toMatchObject({ applications: 2, identity_links: 1, application_drafts: 1 });
    expectEverythingReadable(await readPersonalData(getDb(), written));
  });

  it('re-encrypts and re-indexes every row with `npm run rotate-keys` while the app keeps reading and writing', async () => {
    const rotation = runChild('scripts/rotate-keys.ts');
    let done = false;
    void rotation.exited.then(() => (done = true));
    let rounds = 0;
    const writtenMeanwhile: string[] = [];
    do {
      expectEverythingReadable(await readPersonalData(getDb(), written));
      writtenMeanwhile.push((await submittedApplication()).reference);
      rounds++;
    } while (!done);
    expect(await rotation.exited, rotation.output()).toEqual({ code: 0, signal: null });
    expect(rounds).toBeGreaterThan(0);
    expect(rotation.output()).toContain('DATA_KEYS_OLD and INDEX_KEYS_OLD may be removed');

    expect(await rowsUnderOldKeys(getDb())).toEqual({ applications: 0, identity_links: 0, cpr_register: 0, email_outbox: 0, application_drafts: 0, journeys: 0 });
    const indexes = await getDb().execute<{ cpr_index: string; cpr_index_prev: string | null }>(sql`select cpr_index, cpr_index_prev from applications`);
    expect(new Set(indexes.map((r) => r.cpr_index))).toEqual(new Set([blindIndex(CPR_DIGITS, keys.newIndex)]));
    expect(new Set(indexes.map((r) => r.cpr_index_prev))).toEqual(new Set([blindIndex(CPR_DIGITS, keys.oldIndex)]));
    // The ciphertext from before key ids is now under the new key too.
    expect(decryptJson<{ cpr: string }>((await findJourney(getDb(), legacyJourneyId))!.typedEnc!, keys.newData).cpr).toBe(APPLICANT_CPR);

    // A second run finds nothing left to do.
    const again = await rotateKeys(getDb());
    expect(Object.values(again).every((t) => t.updated === 0 && t.changedMeanwhile === 0)).toBe(true);
  }, 120_000);

  it('reads every link, application, email and draft in a process that no longer has the old keys', async () => {
    const reader = runChild('tests/integration/support/processes/read-personal-data.ts', { ...newKeysOnly, WRITTEN: JSON.stringify(written) });
    expect(await reader.exited, reader.output()).toEqual({ code: 0, signal: null });
    expectEverythingReadable(lastJson(reader.output()));

    // And the old keys alone no longer read it: the rotation really replaced the ciphertexts.
    const stale = runChild('tests/integration/support/processes/read-personal-data.ts', { ...oldKeysOnly, WRITTEN: JSON.stringify(written) });
    expect((await stale.exited).code).not.toBe(0);
  }, 60_000);
});
