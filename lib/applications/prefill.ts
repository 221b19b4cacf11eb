// What the manual form starts with: the saved draft if there is one, else what the eID login and the automatic
// step already told us (names, birth date, country; the CPR number and email address the applicant typed).
import type { Db } from '@/lib/db';
import { findOwnedUpload } from '@/lib/documents/uploads';
import { decryptJson } from '@/lib/security/crypto';
import { findEidIdentity } from '@/lib/linking/identities';
import type { ApplicantJourney } from './access';
import { loadDraft } from './drafts';
import { isCountryCode } from './countries';
import { documentKinds, type ApplicationFormValues, type DocumentKind, type Step } from './schema';

export type FormStart = {
  step: Step;
  idempotencyKey: string;
  values: ApplicationFormValues;
  photos: Partial<Record<DocumentKind, { id: string; kind: DocumentKind; qualityHints: string[] }>>;
};

function dateParts(iso: string | undefined): { day: string; month: string; year: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! } : { day: '', month: '', year: '' };
}

export async function formStart(db: Db, journey: ApplicantJourney): Promise<FormStart> {
  const [identity, draft] = await Promise.all([findEidIdentity(db, journey.eidIdentityId), loadDraft(db, journey.id)]);
  let typed: { cpr?: string; email?: string } = {};
  try {
    if (journey.typedEnc) typed = decryptJson(journey.typedEnc);
  } catch {
    // Unreadable (key rotated): the applicant types them again.
  }
  const country = identity && isCountryCode(identity.country) ? identity.country : '';
  const fromEid: ApplicationFormValues = {
    country,
    documentType: undefined,
    givenNames: identity?.givenNames ?? '',
    familyName: identity?.familyName ?? '',
    dateOfBirth: dateParts(identity?.dateOfBirth),
    nationality: country,
    documentNumber: '',
    documentExpiry: { day: '', month: '', year: '' },
    cpr: typed.cpr ?? '',
    email: typed.email ?? '',
    emailConfirm: '',
    phone: '',
    photos: {},
    consent: false,
  };
  if (!draft) return { step: 1, idempotencyKey: crypto.randomUUID(), values: fromEid, photos: {} };

  const saved = draft.values;
  const values: ApplicationFormValues = {
    ...fromEid,
    ...Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined)),
    dateOfBirth: { ...fromEid.dateOfBirth, ...stripUndefined(saved.dateOfBirth) },
    documentExpiry: { ...fromEid.documentExpiry, ...stripUndefined(saved.documentExpiry) },
    photos: {},
    consent: false,
  } as ApplicationFormValues;
  // Only photos that still exist and belong to this journey come back.
  const photos: FormStart['photos'] = {};
  for (const kind of documentKinds) {
    const id = saved.photos?.[kind];
    const upload = id ? await findOwnedUpload(db, { journeyId: journey.id }, id) : null;
    if (upload && upload.kind === kind) {
      photos[kind] = { id: upload.id, kind, qualityHints: upload.qualityHints };
      values.photos[kind] = upload.id;
    }
  }
  return { step: draft.step as Step, idempotencyKey: draft.idempotencyKey, values, photos };
}

function stripUndefined<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
