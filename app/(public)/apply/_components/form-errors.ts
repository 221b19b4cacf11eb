// Turns react-hook-form's nested errors into the error summary's list: in the order of the form, each linked to
// the element that should get focus, with messages translated (keys from zod) or as sent by the server.
import type { FieldError, FieldErrors } from 'react-hook-form';
import type { SummaryError } from '@/components/form/error-summary';

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

/** A field error's text: server errors arrive translated, the form's own carry a catalogue key. */
export function errorText(error: FieldError | undefined, t: (key: string) => string): string | undefined {
  if (!error?.message) return undefined;
  return error.type === 'server' ? error.message : t(error.message);
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

export function summaryOf(errors: FieldErrors, t: (key: string) => string): SummaryError[] {
  const rank = (path: string) => {
    const i = order.findIndex((o) => path === o || path.startsWith(`${o}.`));
    return i < 0 ? order.length : i;
  };
  return flatten(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([path, error]) => ({ field: fieldElementId(path), message: errorText(error, t) ?? '' }));
}
