import { describe, expect, it } from 'vitest';
import { detailsStep, photosStep, validateApplication } from '@/lib/applications/schema';

const year = new Date().getUTCFullYear();
const valid = {
  country: 'SE',
  documentType: 'id_card',
  givenNames: ' Elsa Maria ',
  familyName: 'Johansson',
  dateOfBirth: { day: '1', month: '02', year: '1990' },
  nationality: 'SE',
  documentNumber: 'ab 12-34',
  documentExpiry: { day: '31', month: '12', year: String(year + 2) },
  cpr: '010290 1234',
  email: 'elsa@example.se',
  emailConfirm: 'ELSA@example.se',
  phone: '+46 70 123 45 67',
  photos: { id_front: '7d7a3b52-8f43-4f67-9c51-7a7ed4c1c0aa', id_back: '5b3c5c2e-5a0c-4c87-8a4b-6f1b0d6b9f11' },
  consent: true,
};

describe('the application schema shared by the form and the server', () => {
  it('accepts a complete application and normalises what was typed', () => {
    const result = validateApplication(valid);
    expect(result).toMatchObject({
      ok: true,
      data: { givenNames: 'Elsa Maria', dateOfBirth: '1990-02-01', documentNumber: 'AB1234', documentExpiry: `${year + 2}-12-31`, cpr: '0102901234', phone: '+46 70 123 45 67' },
    });
  });

  it('names the first step with an error', () => {
    expect(validateApplication({ ...valid, documentType: 'driving_licence' })).toMatchObject({ ok: false, step: 1, fields: { documentType: ['application.documentTypeRequired'] } });
    expect(validateApplication({ ...valid, email: 'elsa@' })).toMatchObject({ ok: false, step: 2 });
    expect(validateApplication({ ...valid, photos: { id_front: valid.photos.id_front } })).toEqual({ ok: false, step: 3, fields: { 'photos.id_back': ['application.photoMissing'] } });
    expect(validateApplication({ ...valid, consent: false })).toMatchObject({ ok: false, step: 4 });
  });

  it('refuses digits in a name (a CPR number typed into a name would otherwise reach an email)', () => {
    expect(validateApplication({ ...valid, givenNames: 'Erika 150385 1234' })).toMatchObject({ ok: false, step: 2, fields: { givenNames: ['noDigits'] } });
  });

  it('tells an expired document, an impossible date and a date in the future apart', () => {
    const errors = (values: object) => {
      const r = detailsStep.safeParse({ ...valid, ...values });
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    };
    expect(errors({ documentExpiry: { day: '1', month: '1', year: String(year - 1) } })).toEqual(['documentExpiry:application.documentExpired']);
    expect(errors({ dateOfBirth: { day: '29', month: '2', year: '2001' } })).toEqual(['dateOfBirth:application.dateInvalid']);
    expect(errors({ dateOfBirth: { day: '1', month: '1', year: String(year + 1) } })).toEqual(['dateOfBirth:application.birthDateRange']);
    expect(errors({ dateOfBirth: { day: '', month: '', year: '' } })).toEqual(['dateOfBirth:required']);
  });

  it('checks the two email addresses against each other even while other fields are wrong', () => {
    const r = detailsStep.safeParse({ ...valid, givenNames: '', emailConfirm: 'elsa@example.dk' });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['givenNames', 'emailConfirm']);
  });

  it('asks for the photos the document type needs', () => {
    const r = photosStep.safeParse({ documentType: 'passport', photos: { id_front: valid.photos.id_front } });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['photos.passport_photo']);
  });
});
