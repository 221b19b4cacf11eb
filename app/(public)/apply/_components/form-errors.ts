// Turns react-hook-form's nested errors into the error summary's list: in the order of the form, each linked to
// the element that should get focus, with messages translated (keys from zod) or as sent by the server.
import type { FieldError, FieldErrors } from 'react-hook-form';
import type { SummaryError } from '@/components/form/error-summary';

type Translate = (key: string, values?: Record<string, string>) => string;

const order = [
  'country', 'documentType', 'givenNames', 'familyName', 'dateOfBirth', 'nationality', 'documentNumber', 'documentExpiry',
  'cpr', 'email', 'emailConfirm', 'phone', 'photos.passport_photo', 'photos.id_front', 'photos.id_back', 'consent', '_form',
];

/** The element a field's error links to (the first input of a group). */
export function fieldElementId(path: string): string {
  if (path === 'documentType') return 'documentType-passport';
  if (path === 'dateOfBirth' || path === 'documentExpiry') return `${path}-day`;
  if (path.startsWith(`dateOfBirth.`) || path.startsWith('documentExpiry.')) return path.replace('.', '-');
  if (path.startsWith('photos.')) return `photo-${path.slice(7)}-camera`;
  return path;
}

/** The fields whose "required" error has its own wording that names the field ("Enter your family name."). */
const namedRequired = new Set(['country', 'givenNames', 'familyName', 'dateOfBirth', 'nationality', 'documentNumber', 'documentExpiry', 'cpr', 'email', 'emailConfirm']);
/** The keys that say a field is empty (the shared CPR and email fields have their own). */
const emptyKeys = new Set(['required', 'cprRequired', 'emailRequired']);
const saysEmpty = (error: FieldError) => emptyKeys.has(error.message ?? '');
/** Messages that name their field already; every other one is shown in the summary after the field's label. */
const selfNaming = new Set(['application.documentTypeRequired', 'application.consentRequired', 'application.emailsDiffer']);

/** The field a path belongs to: `dateOfBirth.day` → `dateOfBirth`. */
export const fieldOf = (path: string) => (path.startsWith('photos.') ? path : path.split('.')[0]!);

/** A field error's text: server errors arrive translated, the form's own carry a catalogue key. */
export function errorText(error: FieldError | undefined, t: (key: string) => string, path?: string): string | undefined {
  if (!error?.message) return undefined;
  if (error.type === 'server') return error.message;
  const field = path ? fieldOf(path) : '';
  return saysEmpty(error) && namedRequired.has(field) ? t(`application.enter.${field}`) : t(error.message);
}

/** A summary entry's text: it says which field, in the field's own words or after its label. */
function summaryText(path: string, error: FieldError, t: Translate, label: (field: string) => string): string {
  const text = errorText(error, t, path) ?? '';
  const field = fieldOf(path);
  const named = error.type !== 'server' && ((saysEmpty(error) && namedRequired.has(field)) || selfNaming.has(error.message ?? ''));
  return named ? text : t('application.inField', { field: label(field), message: text });
}

function flatten(errors: FieldErrors, prefix = ''): [string, FieldError][] {
  const out: [string, FieldError][] = [];
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'ref' || key === 'root') continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof (value as FieldError).message === 'string') out.push([path, value as FieldError]);
    else if (typeof value === 'object') out.push(...flatten(value as FieldErrors, path));
  }
  return out;
}

export function summaryOf(errors: FieldErrors, t: Translate, label: (field: string) => string): SummaryError[] {
  const rank = (path: string) => {
    const i = order.findIndex((o) => path === o || path.startsWith(`${o}.`));
    return i < 0 ? order.length : i;
  };
  return flatten(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([path, error]) => ({ field: fieldElementId(path), message: summaryText(path, error, t, label) }));
}
