'use client';
// The answer to a request for more information: the photos asked for, the fields asked for (filled in with what we
// have, except the CPR number, which is never shown back), and a message. The server checks it with the shared rules.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { DateField } from '@/components/form/choice-fields';
import { ErrorSummary } from '@/components/form/error-summary';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { TextareaField } from '@/components/form/textarea-field';
import { PhotoUpload, type UploadedPhoto } from '@/components/photo-upload';
import { allCountries } from '@/lib/applications/countries';
import type { Locale } from '@/lib/i18n/config';
import { countryOptions } from '@/lib/identity/countries';
import type { ApplicantStatus } from '@/lib/applications/status';

type DateValue = { day: string; month: string; year: string };
const dateFields = new Set(['dateOfBirth', 'documentExpiry']);

function toParts(iso: string): DateValue {
  const [y = '', m = '', d = ''] = iso.split('-');
  return { day: String(Number(d) || ''), month: String(Number(m) || ''), year: y };
}

/** The element a server error links to. */
function elementId(path: string): string {
  if (path.startsWith('photos.')) return `answer-photo-${path.slice(7)}-camera`;
  if (path.startsWith('fields.')) {
    const name = path.slice(7);
    return dateFields.has(name) ? `answer-${name}-day` : `answer-${name}`;
  }
  if (path === 'message') return 'answer-message';
  return 'answer-form-heading';
}

export function AnswerForm({ status, locale }: { status: ApplicantStatus; locale: Locale }) {
  const t = useTranslations('status.answer');
  const tf = useTranslations('apply.fields');
  const tp = useTranslations('apply.photos.label');
  const router = useRouter();
  const items = status.openRequest!.items;
  const photoKinds = items.flatMap((i) => (i.type === 'photo' ? [i.target] : []));
  const fieldNames = items.flatMap((i) => (i.type === 'field' ? [i.target] : []));
  const hasQuestion = items.some((i) => i.type === 'question');

  const [photos, setPhotos] = useState<Record<string, UploadedPhoto>>({});
  const [values, setValues] = useState<Record<string, string | DateValue>>(() =>
    Object.fromEntries(
      fieldNames.map((name) => {
        if (name === 'cpr') return [name, ''];
        const current = status.current[name as keyof ApplicantStatus['current']] ?? '';
        return [name, dateFields.has(name) ? toParts(current) : current];
      }),
    ),
  );
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    const fields = Object.fromEntries(Object.entries(values).filter(([name, v]) => !(name === 'cpr' && v === '')));
    try {
      const res = await fetch('/api/v1/applications/status/answer', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ expectedVersion: status.version, message, fields, photos: Object.fromEntries(Object.entries(photos).map(([k, p]) => [k, p.id])) }),
      });
      if (res.ok) {
        setErrors({});
        router.refresh();
        return;
      }
      const body = (await res.json().catch(() => null)) as { error?: { message?: string; fields?: Record<string, string[]> } } | null;
      if (body?.error?.fields) setErrors(Object.fromEntries(Object.entries(body.error.fields).map(([k, v]) => [k, v[0] ?? ''])));
      else setProblem(body?.error?.message ?? t('failed'));
    } catch {
      setProblem(t('network'));
    } finally {
      setBusy(false);
    }
  }

  const setField = (name: string, value: string | DateValue) => setValues((v) => ({ ...v, [name]: value }));
  const summary = Object.entries(errors).map(([path, message]) => ({ field: elementId(path), message }));
  return (
    <form onSubmit={send} noValidate data-testid="answer-form">
      <h3 id="answer-form-heading" tabIndex={-1}>
        {t('heading')}
      </h3>
      {problem ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{problem}</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary errors={summary} />
      {errors._form ? <p className="form-error-message">{errors._form}</p> : null}

      {photoKinds.map((kind) => (
        <PhotoUpload
          key={kind}
          id={`answer-photo-${kind}`}
          kind={kind}
          label={t('newPhoto', { label: tp(kind) })}
          error={errors[`photos.${kind}`]}
          value={photos[kind] ?? null}
          uploadUrl="/api/v1/applications/status/uploads"
          thumbnailUrl={(id) => `/api/v1/applications/status/documents/${id}/thumbnail`}
          onUploaded={(photo) => setPhotos((p) => ({ ...p, [kind]: photo }))}
        />
      ))}

      {fieldNames.map((name) => {
        const id = `answer-${name}`;
        const error = errors[`fields.${name}`];
        const value = values[name];
        if (dateFields.has(name)) {
          const parts = value as DateValue;
          const part = (key: keyof DateValue) => ({
            name: `${name}.${key}`,
            value: parts[key],
            onChange: (e: React.ChangeEvent<HTMLInputElement>) => setField(name, { ...parts, [key]: e.target.value }),
          });
          return (
            <DateField key={name} id={id} legend={tf(name as 'dateOfBirth')} hint={tf('dateHint')} error={error} labels={{ day: tf('day'), month: tf('month'), year: tf('year') }} registrations={{ day: part('day'), month: part('month'), year: part('year') }} />
          );
        }
        if (name === 'nationality') {
          return (
            <SelectField key={name} id={id} label={tf('nationality')} error={error} value={value as string} onChange={(e) => setField(name, e.target.value)} options={countryOptions(locale, allCountries).map((c) => ({ value: c.code, label: c.name }))} />
          );
        }
        return (
          <TextField
            key={name}
            id={id}
            label={tf(name as 'givenNames')}
            hint={name === 'cpr' ? t('cprHint') : undefined}
            type="text"
            error={error}
            value={value as string}
            onChange={(e) => setField(name, e.target.value)}
            spellCheck={false}
          />
        );
      })}

      <TextareaField id="answer-message" label={hasQuestion ? t('message') : t('messageOptional')} error={errors.message} value={message} onChange={(e) => setMessage(e.target.value)} maxLength={2000} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('sending') : t('send')}
      </button>
    </form>
  );
}
