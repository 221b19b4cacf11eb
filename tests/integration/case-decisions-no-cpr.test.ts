// No CPR number in any email or log line: the whole caseworker flow runs with every log line captured, then every
// email in the outbox is rendered and read.
import { NextRequest } from 'next/server';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as viewDocument } from '@/app/api/v1/documents/[id]/route';
import { eq } from 'drizzle-orm';
import { emailOutbox, identityLinks, notes } from '@/db/schema';
import { approveApplication, rejectApplication } from '@/lib/applications/decisions';
import { releaseCase, takeCase, takeNextCase } from '@/lib/cases/assignments';
import { requestMoreInformation } from '@/lib/applications/request-info';
import { addNote } from '@/lib/cases/notes';
import { getDb } from '@/lib/db';
import { renderEmail } from '@/lib/email';
import { logger } from '@/lib/log';
import { blindIndex, decryptJson, encrypt } from '@/lib/security/crypto';
import { addDocument, createApplication, createRegisterPerson, staffOf, uniqueCpr } from './support/fixtures';
import { createStaff, postCredentials, signInCookie } from './support/staff';

const lines: string[] = [];
const streamSym = pino.symbols.streamSym as unknown as keyof typeof logger;
const original = { stream: logger[streamSym], level: logger.level };
const cprs: string[] = [];

beforeAll(() => {
  logger.level = 'trace';
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = { write: (line: string) => lines.push(line) };
});
afterAll(() => {
  logger.level = original.level;
  (logger as unknown as Record<symbol, unknown>)[pino.symbols.streamSym] = original.stream;
});

/** The forms a CPR number can take in text: 0101901234, 010190-1234, 010190 1234. */
const formsOf = (cpr: string) => [cpr, `${cpr.slice(0, 6)}-${cpr.slice(6)}`, `${cpr.slice(0, 6)} ${cpr.slice(6)}`];

async function registeredCase(locale: 'en' | 'da' = 'en') {
  const cpr = uniqueCpr('1990-02-14');
  cprs.push(cpr);
  await createRegisterPerson({ cpr, givenNames: 'Eva', familyName: 'Nielsen', dateOfBirth: '1990-02-14' });
  return createApplication({ cpr, givenNames: 'Eva', familyName: 'Nielsen', dateOfBirth: '1990-02-14', locale });
}

describe('personal data in emails and logs', () => {
  it('never puts a CPR number in an email or a log line, whatever the caseworker does', async () => {
    const worker = staffOf(await createStaff('worker@example.dk', 'caseworker', 'Worker'));
    const cookie = await signInCookie('worker@example.dk');
    await postCredentials('worker@example.dk', 'wrong password');

    // Approve after a request for more information.
    const a = await registeredCase();
    const doc = await addDocument(a.id);
    const taken = await takeNextCase(getDb(), worker);
    expect(taken?.applicationId).toBe(a.id);
    await (await viewDocument(new NextRequest(`http://localhost:3000/api/v1/documents/${doc}`, { headers: { cookie } }), { params: Promise.resolve({ id: doc }) })).arrayBuffer();
    await expect(addNote(getDb(), { applicationId: a.id, staff: worker, body: `Checked CPR ${a.cpr} against the register.` })).rejects.toMatchObject({ code: 'INVALID_INPUT', details: { fields: { body: ['caseworker.validation.noCprInNote'] } } });
    expect(await getDb().$count(notes, eq(notes.applicationId, a.id))).toBe(0);
    await addNote(getDb(), { applicationId: a.id, staff: worker, body: 'Checked the CPR number against the register.' });
    await requestMoreInformation(getDb(), { applicationId: a.id, expectedVersion: a.version + 1, staff: worker, items: [{ type: 'field', target: 'cpr' }], message: 'Please check your CPR number.' });
    await getDb().execute(`update applications set state = 'submitted', version = version + 1 where id = '${a.id}'`);
    const { version } = await takeCase(getDb(), { applicationId: a.id, expectedVersion: a.version + 3, staff: worker });
    await approveApplication(getDb(), { applicationId: a.id, expectedVersion: version, staff: worker });

    // Reject, in Danish.
    const r = await registeredCase('da');
    const v = await takeCase(getDb(), { applicationId: r.id, expectedVersion: r.version, staff: worker });
    await rejectApplication(getDb(), { applicationId: r.id, expectedVersion: v.version, staff: worker, reason: 'data_mismatch', text: 'Navnet stemmer ikke.' });

    // Refusals and conflicts are logged too.
    const c = await registeredCase();
    const cv = await takeCase(getDb(), { applicationId: c.id, expectedVersion: c.version, staff: worker });
    const other = uniqueCpr('1960-01-01');
    cprs.push(other);
    await getDb().insert(identityLinks).values({ personIdentifier: c.personIdentifier!, country: 'DE', cprEnc: encrypt(other), cprIndex: blindIndex(other), method: 'auto' });
    await expect(approveApplication(getDb(), { applicationId: c.id, expectedVersion: cv.version, staff: worker })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(releaseCase(getDb(), { applicationId: c.id, expectedVersion: 1, staff: worker })).rejects.toMatchObject({ code: 'CONFLICT' });

    // What was logged: something (so this test can fail), nothing that even looked like a CPR number.
    expect(lines.some((l) => l.includes('case decided'))).toBe(true);
    expect(lines.some((l) => l.includes('staff sign-in refused'))).toBe(true);
    expect(lines.filter((l) => l.includes('[cpr]'))).toEqual([]);
    for (const cpr of cprs) for (const form of formsOf(cpr)) expect(lines.filter((l) => l.includes(form))).toEqual([]);

    // What was emailed: three emails, none with a CPR number in the data, subject, HTML or text.
    const outbox = await getDb().select().from(emailOutbox);
    expect(outbox.map((e) => e.template).sort()).toEqual(['application-approved', 'application-rejected', 'info-requested']);
    for (const row of outbox) {
      const data = decryptJson<Record<string, string>>(row.dataEnc);
      const rendered = await renderEmail(row.template, row.locale, data);
      const everything = [JSON.stringify(data), rendered.subject, rendered.html, rendered.text].join('\n');
      expect(everything).not.toMatch(/(?<!\d)\d{2}\s?\d{2}\s?\d{2}\s?[-–]?\s?\d{4}(?!\d)/);
      for (const cpr of cprs) for (const form of formsOf(cpr)) expect(everything).not.toContain(form);
    }
  });
});
