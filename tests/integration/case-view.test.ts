import { beforeAll, describe, expect, it } from 'vitest';
import { identityLinks } from '@/db/schema';
import type { Staff } from '@/lib/auth';
import { getCaseView } from '@/lib/cases/case-view';
import { addNote } from '@/lib/cases/notes';
import { getDb } from '@/lib/db';
import { blindIndex, encrypt } from '@/lib/security/crypto';
import { addDocument, createApplication, createRegisterPerson, staffOf, uniqueCpr } from './support/fixtures';
import { createStaff } from './support/staff';

let worker: Staff;
beforeAll(async () => {
  worker = staffOf(await createStaff('viewer@example.dk', 'caseworker', 'Viewer'));
});

describe('the case page’s view of an application', () => {
  it('shows a protected register record without its address', async () => {
    const cpr = uniqueCpr('1975-09-09');
    await createRegisterPerson({ cpr, givenNames: 'Jens', familyName: 'Hansen', dateOfBirth: '1975-09-09', sex: 'male', nameAddressProtected: true, address: 'Hemmelig Vej 1' });
    const app = await createApplication({ cpr, givenNames: 'Jens', familyName: 'Hansen', dateOfBirth: '1975-09-09' });
    const view = await getCaseView(getDb(), app.id, worker);
    expect(view.register).toMatchObject({ givenNames: 'Jens', familyName: 'Hansen', nameAddressProtected: true, address: null });
    expect(JSON.stringify(view)).not.toContain('Hemmelig');
  });

  it('lists other applications and links with the same CPR number or eID identifier, and flags a link to another CPR', async () => {
    const cpr = uniqueCpr('1988-03-03');
    await createRegisterPerson({ cpr, givenNames: 'Ida', familyName: 'Berg', dateOfBirth: '1988-03-03', address: 'Testvej 2' });
    const app = await createApplication({ cpr, givenNames: 'Ida', familyName: 'Berg', dateOfBirth: '1988-03-03' });
    const sameCpr = await createApplication({ cpr, state: 'rejected' });
    // An earlier, closed application of the same eID (only one may be open at a time).
    const sameEid = await createApplication({ eid: { personIdentifier: app.personIdentifier! }, state: 'withdrawn' });
    const unrelated = await createApplication();
    const otherCpr = uniqueCpr('1950-05-05');
    await getDb().insert(identityLinks).values([
      { personIdentifier: app.personIdentifier!, country: 'DE', cprEnc: encrypt(otherCpr), cprIndex: blindIndex(otherCpr), method: 'auto' },
      { personIdentifier: 'SE/DK/1', country: 'SE', cprEnc: encrypt(cpr), cprIndex: blindIndex(cpr), method: 'mitid', revokedAt: new Date() },
    ]);

    const view = await getCaseView(getDb(), app.id, worker);
    expect(view.register?.address).toBe('Testvej 2');
    expect(Object.fromEntries(view.related.applications.map((a) => [a.reference, [a.sharedBy, a.state]]))).toEqual({
      [sameCpr.reference]: ['cpr', 'rejected'],
      [sameEid.reference]: ['eid', 'withdrawn'],
    });
    expect(view.related.applications.map((a) => a.id)).not.toContain(unrelated.id);
    expect(view.related.links.map((l) => [l.personIdentifier, l.sharedBy, l.conflicting, Boolean(l.revokedAt)]).sort()).toEqual([
      [app.personIdentifier, 'eid', true, false],
      ['SE/DK/1', 'cpr', false, true],
    ]);
  });

  it('carries the comparison, the automatic reasons, every document, the notes and the history', async () => {
    const cpr = uniqueCpr('1985-06-15');
    await createRegisterPerson({ cpr, givenNames: 'Anna', familyName: 'Müller', dateOfBirth: '1985-06-15' });
    const app = await createApplication({ cpr, givenNames: 'ANNA', familyName: 'MUELLER', matchReasons: ['name_transliterated'] });
    await addDocument(app.id, 'passport_photo', 1);
    await addDocument(app.id, 'passport_photo', 2);
    await addNote(getDb(), { applicationId: app.id, staff: worker, body: 'Photo 1 is blurred.' });
    const view = await getCaseView(getDb(), app.id, worker);
    expect(view.comparison.find((r) => r.field === 'familyName')).toMatchObject({ applicant: { value: 'MUELLER', mark: 'agree' }, register: 'Müller' });
    expect(view.application.matchReasons).toEqual(['name_transliterated']);
    expect(view.documents.map((d) => d.round)).toEqual([1, 2]);
    expect(view.notes).toMatchObject([{ body: 'Photo 1 is blurred.', author: 'Viewer' }]);
    expect(view.history.events.map((e) => e.type)).toEqual(['submitted', 'note_added']);
    expect(view.permissions).toMatchObject({ take: true, decide: false, reassign: false });
  });
});
