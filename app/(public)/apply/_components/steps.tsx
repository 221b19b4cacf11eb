'use client';
// The four steps of the manual application. Each renders its fields only; validation and navigation live in apply-form.
import { useTranslations } from 'next-intl';
import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import { CheckboxField, DateField, RadioGroup } from '@/components/form/choice-fields';
import { SelectField } from '@/components/form/select-field';
import { TextField } from '@/components/form/text-field';
import { PhotoUpload, type UploadedPhoto } from '@/components/photo-upload';
import { allCountries } from '@/lib/applications/countries';
import type { Locale } from '@/lib/i18n/config';
import { countryName, countryOptions, EU_EEA_COUNTRIES } from '@/lib/identity/countries';
import { writtenCpr } from '@/lib/matching/cpr';
import { requiredPhotos, type ApplicationFormValues, type DocumentKind, type Step } from '@/lib/applications/schema';
import styles from './apply.module.css';
import { errorText } from './form-errors';

type Props = { form: UseFormReturn<ApplicationFormValues>; locale: Locale };

function useErrorText(errors: FieldErrors<ApplicationFormValues>) {
  const te = useTranslations('errors');
  return (path: string) => {
    const node = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], errors);
    return errorText(node as never, (k) => te(k as never), path);
  };
}

export function DocumentStep({ form, locale }: Props) {
  const t = useTranslations('apply.fields');
  const err = useErrorText(form.formState.errors);
  const current = form.getValues('country');
  const codes = current && !(EU_EEA_COUNTRIES as readonly string[]).includes(current) ? [...EU_EEA_COUNTRIES, current] : EU_EEA_COUNTRIES;
  return (
    <>
      <SelectField
        id="country"
        autoComplete="off"
        label={t('country')}
        hint={t('countryHint')}
        error={err('country')}
        placeholder={t('choose')}
        options={countryOptions(locale, codes).map((c) => ({ value: c.code, label: c.name }))}
        {...form.register('country')}
      />
      <RadioGroup
        id="documentType"
        legend={t('documentType')}
        hint={t('documentTypeHint')}
        error={err('documentType')}
        options={[
          { value: 'passport', label: t('passport') },
          { value: 'id_card', label: t('idCard') },
        ]}
        registration={form.register('documentType')}
      />
    </>
  );
}

export function DetailsStep({ form, locale }: Props) {
  const t = useTranslations('apply.fields');
  const err = useErrorText(form.formState.errors);
  const { register } = form;
  const dateLabels = { day: t('day'), month: t('month'), year: t('year') };
  return (
    <>
      <p>{t('asOnDocument')}</p>
      <TextField id="givenNames" label={t('givenNames')} hint={t('givenNamesHint')} error={err('givenNames')} autoComplete="given-name" {...register('givenNames')} />
      <TextField id="familyName" label={t('familyName')} error={err('familyName')} autoComplete="family-name" {...register('familyName')} />
      <DateField
        id="dateOfBirth"
        legend={t('dateOfBirth')}
        hint={t('dateHint')}
        error={err('dateOfBirth')}
        labels={dateLabels}
        autoComplete={{ day: 'bday-day', month: 'bday-month', year: 'bday-year' }}
        registrations={{ day: register('dateOfBirth.day'), month: register('dateOfBirth.month'), year: register('dateOfBirth.year') }}
      />
      <SelectField
        id="nationality"
        label={t('nationality')}
        error={err('nationality')}
        placeholder={t('choose')}
        options={countryOptions(locale, allCountries).map((c) => ({ value: c.code, label: c.name }))}
        {...register('nationality')}
      />
      <TextField id="documentNumber" label={t('documentNumber')} hint={t('documentNumberHint')} error={err('documentNumber')} autoCapitalize="characters" spellCheck={false} autoComplete="off" width="m" {...register('documentNumber')} />
      <DateField
        id="documentExpiry"
        legend={t('documentExpiry')}
        hint={t('documentExpiryHint')}
        error={err('documentExpiry')}
        labels={dateLabels}
        registrations={{ day: register('documentExpiry.day'), month: register('documentExpiry.month'), year: register('documentExpiry.year') }}
      />
      <TextField id="cpr" label={t('cpr')} hint={t('cprHint')} error={err('cpr')} inputMode="numeric" autoComplete="off" spellCheck={false} width="m" {...register('cpr')} />
      <TextField id="email" type="email" label={t('email')} hint={t('emailHint')} error={err('email')} autoComplete="email" spellCheck={false} {...register('email')} />
      <TextField id="emailConfirm" type="email" label={t('emailConfirm')} error={err('emailConfirm')} autoComplete="off" spellCheck={false} {...register('emailConfirm')} />
      <TextField id="phone" type="tel" label={t('phone')} hint={t('phoneHint')} error={err('phone')} autoComplete="tel" width="l" {...register('phone')} />
    </>
  );
}

export function PhotosStep({ form, photos, onUploaded }: Props & { photos: Partial<Record<DocumentKind, UploadedPhoto>>; onUploaded: (kind: DocumentKind, photo: UploadedPhoto) => void }) {
  const t = useTranslations('apply.photos');
  const err = useErrorText(form.formState.errors);
  const documentType = form.watch('documentType') ?? 'passport';
  return (
    <>
      <p>{t(documentType === 'passport' ? 'introPassport' : 'introIdCard')}</p>
      <ul>
        <li>{t('tipLight')}</li>
        <li>{t('tipWhole')}</li>
        <li>{t('tipGlare')}</li>
      </ul>
      {requiredPhotos[documentType].map((kind) => (
        <PhotoUpload
          key={kind}
          id={`photo-${kind}`}
          kind={kind}
          label={t(`label.${kind}`)}
          error={err(`photos.${kind}`)}
          value={photos[kind] ?? null}
          uploadUrl="/api/v1/uploads"
          thumbnailUrl={(id) => `/api/v1/uploads/${id}/thumbnail`}
          onUploaded={(photo) => onUploaded(kind, photo)}
        />
      ))}
    </>
  );
}

export function ReviewStep({ form, locale, goTo }: Props & { goTo: (step: Step) => void }) {
  const t = useTranslations('apply');
  const err = useErrorText(form.formState.errors);
  const v = form.getValues();
  const date = (d: { day: string; month: string; year: string }) => {
    const parsed = new Date(Date.UTC(Number(d.year), Number(d.month) - 1, Number(d.day)));
    return Number.isNaN(parsed.getTime()) ? '' : new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { dateStyle: 'long', timeZone: 'UTC' }).format(parsed);
  };
  const kinds = requiredPhotos[v.documentType ?? 'passport'];
  const section = (step: Step, rows: [string, string][], extra?: React.ReactNode) => (
    <section aria-labelledby={`review-${step}`}>
      <div className={styles.sectionHeading}>
        <h2 id={`review-${step}`} className="h3">
          {t(`steps.${step}.short`)}
        </h2>
        <button type="button" className="button button-tertiary" onClick={() => goTo(step)}>
          {t('review.change')}
          <span className="sr-only"> {t(`steps.${step}.short`)}</span>
        </button>
      </div>
      {rows.length ? (
        <dl className={styles.summary}>
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value || t('review.none')}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {extra}
    </section>
  );
  const f = (k: string) => t(`fields.${k}` as 'fields.country');
  return (
    <>
      <p>{t('review.intro')}</p>
      {section(1, [
        [f('country'), v.country ? countryName(locale, v.country) : ''],
        [f('documentType'), v.documentType ? f(v.documentType === 'passport' ? 'passport' : 'idCard') : ''],
      ])}
      {section(2, [
        [f('givenNames'), v.givenNames],
        [f('familyName'), v.familyName],
        [f('dateOfBirth'), date(v.dateOfBirth)],
        [f('nationality'), v.nationality ? countryName(locale, v.nationality) : ''],
        [f('documentNumber'), v.documentNumber],
        [f('documentExpiry'), date(v.documentExpiry)],
        [f('cpr'), writtenCpr(v.cpr)],
        [f('email'), v.email],
        [f('phone'), v.phone ?? ''],
      ])}
      {section(
        3,
        [],
        <div className={`${styles.thumbs} mb-6`}>
          {kinds.map((kind) =>
            v.photos[kind] ? (
              // eslint-disable-next-line @next/next/no-img-element -- a private, per-applicant image
              <img key={kind} src={`/api/v1/uploads/${v.photos[kind]}/thumbnail`} alt={t(`photos.label.${kind}`)} />
            ) : (
              <p key={kind}>{t('review.photoMissing', { label: t(`photos.label.${kind}`) })}</p>
            ),
          )}
        </div>,
      )}
      <h2 className="h3">{t('review.consentHeading')}</h2>
      <p>{t('review.consentText')}</p>
      <CheckboxField id="consent" label={t('review.consent')} error={err('consent')} registration={form.register('consent')} />
    </>
  );
}
