// The manual application's input: one zod schema per form step, shared by the browser form (react-hook-form) and the
// server. Messages are keys of the `errors` catalogue, so both sides show the same translated text.
import { cprNumber, email as emailField, z } from '@/lib/validation';
import { dateExists, formatIsoDate } from '@/lib/matching/calendar';
import { documentTypes, type DocumentKind, type DocumentType } from '@/lib/vocabulary';
import { isCountryCode } from './countries';

export { documentKinds, documentTypes, type DocumentKind, type DocumentType } from '@/lib/vocabulary';

/** Which photos each document type needs. */
export const requiredPhotos: Record<DocumentType, readonly DocumentKind[]> = {
  passport: ['passport_photo'],
  id_card: ['id_front', 'id_back'],
};

export const TOTAL_STEPS = 4;
export type Step = 1 | 2 | 3 | 4;

const today = () => new Date().toISOString().slice(0, 10);

/** A date typed as day, month and year (the DKFDS date input), checked and turned into YYYY-MM-DD. */
export function dateParts(kind: 'birth' | 'expiry') {
  const part = z.string().trim().max(4, 'application.dateInvalid');
  return z
    .object({ day: part, month: part, year: part })
    .superRefine((v, ctx) => {
      if (!v.day && !v.month && !v.year) return void ctx.addIssue({ code: 'custom', message: 'required' });
      const ok = /^\d{1,2}$/.test(v.day) && /^\d{1,2}$/.test(v.month) && /^\d{4}$/.test(v.year) && dateExists(Number(v.year), Number(v.month), Number(v.day));
      if (!ok) return void ctx.addIssue({ code: 'custom', message: 'application.dateInvalid' });
      const iso = formatIsoDate(Number(v.year), Number(v.month), Number(v.day));
      if (kind === 'birth' && (iso >= today() || iso < '1900-01-01')) ctx.addIssue({ code: 'custom', message: 'application.birthDateRange' });
      if (kind === 'expiry' && iso < today()) ctx.addIssue({ code: 'custom', message: 'application.documentExpired' });
      if (kind === 'expiry' && iso > '2100-01-01') ctx.addIssue({ code: 'custom', message: 'application.dateInvalid' });
    })
    .transform((v) => formatIsoDate(Number(v.year), Number(v.month), Number(v.day)));
}

// Names as on the document: letters, not digits (which also keeps CPR numbers out of names and emails).
const name = z.string().trim().min(1, 'required').max(100, 'tooLong').regex(/^[^0-9]*$/, 'noDigits');
const country = z.string().trim().min(1, 'required').refine(isCountryCode, 'application.countryInvalid');

const cprField = cprNumber({ format: 'application.cprFormat', date: 'application.cprDate' });

/** The fields of step 2, one schema each, so an answer to a request for more information can correct any of them alone. */
export const detailFields = {
  givenNames: name,
  familyName: name,
  dateOfBirth: dateParts('birth'),
  nationality: country,
  documentNumber: z
    .string()
    .trim()
    .min(1, 'required')
    .max(30, 'tooLong')
    .regex(/^[A-Za-z0-9 <-]+$/, 'application.documentNumberFormat')
    .transform((v) => v.replace(/[\s-]/g, '').toUpperCase()),
  documentExpiry: dateParts('expiry'),
  cpr: cprField,
  email: emailField,
  phone: z
    .string()
    .trim()
    .max(30, 'tooLong')
    .regex(/^$|^\+?[0-9][0-9 ()-]{5,24}$/, 'application.phoneFormat')
    .transform((v) => (v === '' ? null : v))
    .optional(),
} as const;
export type DetailField = keyof typeof detailFields;
export const detailFieldNames = Object.keys(detailFields) as DetailField[];

export const documentStep = z.object({
  country,
  documentType: z.enum(documentTypes, { error: 'application.documentTypeRequired' }),
});

const sameEmail = (v: { email: string; emailConfirm: string }) => v.email.trim().toLowerCase() === v.emailConfirm.trim().toLowerCase();

export const detailsStep = z
  .object({ ...detailFields, emailConfirm: z.string().trim().min(1, 'required').max(254, 'tooLong') })
  .refine(sameEmail, {
    message: 'application.emailsDiffer',
    path: ['emailConfirm'],
    // Checked as soon as both addresses are filled in, even while other fields still have errors.
    when: (payload) => {
      const v = payload.value as { email?: unknown; emailConfirm?: unknown };
      return typeof v.email === 'string' && typeof v.emailConfirm === 'string' && v.email.trim() !== '' && v.emailConfirm.trim() !== '';
    },
  });

const photoId = z.uuid('application.photoMissing').optional();
export const photosStep = z
  .object({
    documentType: z.enum(documentTypes, { error: 'application.documentTypeRequired' }),
    photos: z.object({ passport_photo: photoId, id_front: photoId, id_back: photoId }),
  })
  .superRefine((v, ctx) => {
    for (const kind of requiredPhotos[v.documentType]) {
      if (!v.photos[kind]) ctx.addIssue({ code: 'custom', message: 'application.photoMissing', path: ['photos', kind] });
    }
  });

export const reviewStep = z.object({
  consent: z.literal(true, { error: 'application.consentRequired' }),
});

export const stepSchemas = { 1: documentStep, 2: detailsStep, 3: photosStep, 4: reviewStep } as const;

export function isStep(value: unknown): value is Step {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

/** The step to show for a wanted one: it, if every step before it is complete, else the first that is not. */
export function reachableStep(values: unknown, wanted: Step): Step {
  for (let s = 1; s < wanted; s++) if (!stepSchemas[s as Step].safeParse(values).success) return s as Step;
  return wanted;
}

/** What the form holds while it is filled in: strings as typed, no document type chosen yet at first. */
export type ApplicationFormValues = Omit<z.input<typeof documentStep> & z.input<typeof detailsStep> & z.input<typeof photosStep>, 'documentType'> & {
  documentType?: DocumentType;
  consent: boolean;
};
export type ApplicationData = z.output<typeof documentStep> & z.output<typeof detailsStep> & z.output<typeof photosStep>;

export type ValidationResult =
  | { ok: true; data: ApplicationData }
  | { ok: false; step: Step; fields: Record<string, string[]> };

/** Validates a whole application step by step; on failure says which step to go back to, with every field's messages. */
export function validateApplication(values: unknown): ValidationResult {
  let data = {} as ApplicationData;
  for (const step of [1, 2, 3, 4] as const) {
    const result = stepSchemas[step].safeParse(values);
    if (!result.success) {
      const fields: Record<string, string[]> = {};
      for (const issue of result.error.issues) (fields[issue.path.join('.') || '_form'] ??= []).push(issue.message);
      return { ok: false, step, fields };
    }
    if (step !== 4) data = { ...data, ...result.data };
  }
  return { ok: true, data };
}

/** The request body of a submission: the idempotency key the form made once, and the values. */
export const submitBody = z.object({ idempotencyKey: z.uuid(), values: z.record(z.string(), z.unknown()) });

// A draft is stored as typed (strings, possibly invalid), so it is read back leniently: anything odd is dropped.
const loose = z.string().max(300).optional().catch(undefined);
const looseDate = z.object({ day: loose, month: loose, year: loose }).partial().optional().catch(undefined);
export const draftValues = z.object({
  country: loose,
  documentType: z.enum(documentTypes).optional().catch(undefined),
  givenNames: loose,
  familyName: loose,
  dateOfBirth: looseDate,
  nationality: loose,
  documentNumber: loose,
  documentExpiry: looseDate,
  cpr: loose,
  email: loose,
  emailConfirm: loose,
  phone: loose,
  photos: z.object({ passport_photo: z.uuid().optional().catch(undefined), id_front: z.uuid().optional().catch(undefined), id_back: z.uuid().optional().catch(undefined) }).partial().optional().catch(undefined),
});
export type DraftValues = z.output<typeof draftValues>;

export const draftBody = z.object({
  step: z.number().int().min(1).max(TOTAL_STEPS),
  idempotencyKey: z.uuid(),
  values: draftValues,
});
export type DraftBody = z.output<typeof draftBody>;
