import { describe, expect, it } from 'vitest';
import { compareCase } from '@/lib/cases/comparison';
import { asReference } from '@/lib/cases/queue-filters';
import { infoItemsOf, noteSchema, rejectSchema, requestInfoSchema } from '@/lib/cases/decision-schemas';

const register = { givenNames: 'Anna Sofie', familyName: 'Müller', dateOfBirth: '1985-06-15', sex: 'female' as const };
const marks = (rows: ReturnType<typeof compareCase>) => Object.fromEntries(rows.map((r) => [r.field, [r.applicant?.mark ?? null, r.eid?.mark ?? null]]));

describe('the side-by-side comparison', () => {
  it('marks names that differ only in writing as agreeing (Müller = MUELLER, accents, hyphens)', () => {
    const rows = compareCase({
      applicant: { givenNames: 'ANNA-SOFIE', familyName: 'MUELLER', dateOfBirth: '1985-06-15' },
      register,
      eid: { givenNames: 'Anna Sofie', familyName: 'Muller', dateOfBirth: '1985-06-15', gender: 'female' },
    });
    expect(marks(rows)).toEqual({ givenNames: ['agree', 'agree'], familyName: ['agree', 'agree'], dateOfBirth: ['agree', 'agree'], sex: [null, 'agree'] });
  });

  it('marks a different name, date or gender as differing', () => {
    const rows = compareCase({
      applicant: { givenNames: 'Anna Sofie', familyName: 'Miller', dateOfBirth: '1985-06-16' },
      register,
      eid: { givenNames: 'Sofie Anna', familyName: 'Müller', dateOfBirth: '1985-06-15', gender: 'male' },
    });
    expect(marks(rows)).toEqual({ givenNames: ['agree', 'differ'], familyName: ['differ', 'agree'], dateOfBirth: ['differ', 'agree'], sex: [null, 'differ'] });
  });

  it('accepts the register middle name with the given or the family names', () => {
    const rows = compareCase({
      applicant: { givenNames: 'Peter', familyName: 'Holm Jensen', dateOfBirth: '1970-01-01' },
      register: { givenNames: 'Peter', middleName: 'Holm', familyName: 'Jensen', dateOfBirth: '1970-01-01', sex: 'male' },
      eid: { givenNames: 'Peter Holm', familyName: 'Jensen', dateOfBirth: '1970-01-01' },
    });
    expect(marks(rows)).toMatchObject({ givenNames: ['agree', 'agree'], familyName: ['agree', 'agree'] });
    expect(rows[0]!.register).toBe('Peter Holm');
  });

  it("marks the applicant's and the eID's values as not compared (never missing) when the register has no record", () => {
    const rows = compareCase({ applicant: { givenNames: 'Anna', familyName: 'Müller', dateOfBirth: '1985-06-15' }, register: null, eid: null });
    expect(marks(rows)).toEqual({ givenNames: ['unchecked', null], familyName: ['unchecked', null], dateOfBirth: ['unchecked', null], sex: [null, null] });
    const withEid = compareCase({
      applicant: { givenNames: 'Anna', familyName: 'Müller', dateOfBirth: '1985-06-15' },
      register: null,
      eid: { givenNames: 'Anna', familyName: 'Müller', dateOfBirth: '1985-06-15', gender: 'unspecified' },
    });
    expect(marks(withEid)).toEqual({ givenNames: ['unchecked', 'unchecked'], familyName: ['unchecked', 'unchecked'], dateOfBirth: ['unchecked', 'unchecked'], sex: [null, 'missing'] });
  });

  it('treats an unspecified eID gender as missing', () => {
    const rows = compareCase({ applicant: { givenNames: 'Anna', familyName: 'Müller', dateOfBirth: '1985-06-15' }, register, eid: { givenNames: 'Anna', familyName: 'Müller', dateOfBirth: '1985-06-15', gender: 'unspecified' } });
    expect(rows.find((r) => r.field === 'sex')!.eid).toEqual({ value: null, mark: 'missing' });
  });
});

describe('caseworker input', () => {
  const ref = { applicationId: '7b0f7c1e-4a8e-4b8a-9f0e-2f1a3c4d5e6f', expectedVersion: 2 };

  it('refuses a CPR number in text that is emailed to the applicant', () => {
    const result = rejectSchema.safeParse({ ...ref, reason: 'other', text: 'Your CPR 150685-1234 is wrong' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toBe('caseworker.validation.noCpr');
  });

  it('refuses a CPR number in an internal note, written in any of its forms, and accepts other numbers', () => {
    for (const body of ['Checked 150685-1234 by phone', 'CPR 1506851234', 'ring 15 06 85 1234']) {
      const result = noteSchema.safeParse({ applicationId: ref.applicationId, body });
      expect(result.error!.issues.map((i) => [i.path.join('.'), i.message]), body).toEqual([['body', 'caseworker.validation.noCprInNote']]);
    }
    expect(noteSchema.safeParse({ applicationId: ref.applicationId, body: 'Passport C01X00T47 valid until 2031-01-01' }).success).toBe(true);
  });

  it('needs at least one item in a request for more information, and turns the form into items', () => {
    const empty = requestInfoSchema.safeParse({ ...ref, message: 'Hello' });
    expect(empty.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['items', 'caseworker.validation.chooseItem']]);
    const form = requestInfoSchema.parse({ ...ref, photos: ['passport_photo'], fields: ['familyName'], question: true, message: 'Hello' });
    expect(infoItemsOf(form)).toEqual([{ type: 'photo', target: 'passport_photo' }, { type: 'field', target: 'familyName' }, { type: 'question' }]);
  });

  it('recognises reference numbers written with or without the prefix and dashes', () => {
    expect(asReference('im-7k3q-9xpd')).toBe('IM-7K3Q-9XPD');
    expect(asReference('7K3Q9XPD')).toBe('IM-7K3Q-9XPD');
    expect(asReference('Schneider')).toBeNull();
    expect(asReference('IM-7K3Q-9XP0')).toBeNull();
  });
});
