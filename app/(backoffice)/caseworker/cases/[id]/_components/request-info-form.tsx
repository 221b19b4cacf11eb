'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { ErrorSummary } from '@/components/form/error-summary';
import { correctableFields, messageKey, requestInfoSchema } from '@/lib/cases/decision-schemas';
import type { z } from '@/lib/validation';
import { requestInfoAction } from '../../../actions';
import { ActionFailureAlert } from './action-failure';
import { FieldError } from './field-error';
import { useCaseAction } from './use-case-action';

const photosFor = { passport: ['passport_photo'], id_card: ['id_front', 'id_back'] } as const;

export function RequestInfoForm({ applicationId, version, documentType }: { applicationId: string; version: number; documentType: 'passport' | 'id_card' }) {
  const t = useTranslations('caseworker');
  const tr = useTranslations();
  const { pending, failure, run, reload } = useCaseAction();
  const form = useForm<z.input<typeof requestInfoSchema>, unknown, z.output<typeof requestInfoSchema>>({
    resolver: zodResolver(requestInfoSchema),
    defaultValues: { applicationId, expectedVersion: version, photos: [], fields: [], question: false, message: '' },
  });
  const fe = form.formState.errors as Record<string, { message?: string } | undefined>;
  const message = (field: string) => (fe[field]?.message ? tr(messageKey(fe[field]!.message!)) : failure?.fields?.[field]?.[0] ? tr(messageKey(failure.fields[field]![0]!)) : undefined);
  const errors = { items: message('items'), message: message('message') };
  const firstPhoto = `info-photo-${photosFor[documentType][0]}`;
  const summary = [
    ...(errors.items ? [{ field: firstPhoto, message: errors.items }] : []),
    ...(errors.message ? [{ field: 'info-message', message: errors.message }] : []),
  ];
  return (
    <section aria-labelledby="request-info-heading" className="decision">
      <h3 id="request-info-heading">{t('decision.requestHeading')}</h3>
      <form noValidate onSubmit={form.handleSubmit((data) => run(() => requestInfoAction({ ...data, expectedVersion: version })))}>
        <ErrorSummary errors={summary} />
        <ActionFailureAlert failure={failure} onReload={reload} />
        <div className={`form-group${errors.items ? ' form-error' : ''}`}>
          <fieldset aria-describedby={errors.items ? 'info-items-error' : undefined}>
            <legend className="form-label">{t('decision.requestItems')}</legend>
            <FieldError id="info-items" message={errors.items} />
            {photosFor[documentType].map((kind, i) => (
              <div className="form-group-checkbox" key={kind}>
                <input
                  type="checkbox"
                  className="form-checkbox"
                  id={`info-photo-${kind}`}
                  value={kind}
                  data-shortcut={i === 0 ? 'request-info' : undefined}
                  {...form.register('photos')}
                />
                <label className="form-label" htmlFor={`info-photo-${kind}`}>
                  {t('decision.newPhoto', { kind: t(`documents.kinds.${kind}`) })}
                </label>
              </div>
            ))}
            {correctableFields.map((field) => (
              <div className="form-group-checkbox" key={field}>
                <input type="checkbox" className="form-checkbox" id={`info-field-${field}`} value={field} {...form.register('fields')} />
                <label className="form-label" htmlFor={`info-field-${field}`}>
                  {t('decision.correctField', { field: t(`fieldNames.${field}`) })}
                </label>
              </div>
            ))}
            <div className="form-group-checkbox">
              <input type="checkbox" className="form-checkbox" id="info-question" {...form.register('question')} />
              <label className="form-label" htmlFor="info-question">
                {t('decision.question')}
              </label>
            </div>
          </fieldset>
        </div>
        <div className={`form-group${errors.message ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="info-message">
            {t('decision.requestMessage')}
          </label>
          <span className="form-hint" id="info-message-hint">
            {t('decision.requestMessageHint')}
          </span>
          <FieldError id="info-message" message={errors.message} />
          <textarea
            className="form-input"
            id="info-message"
            rows={4}
            aria-describedby={`info-message-hint${errors.message ? ' info-message-error' : ''}`}
            aria-invalid={errors.message ? true : undefined}
            {...form.register('message')}
          />
        </div>
        <button type="submit" className="button button-secondary" disabled={pending}>
          {pending ? t('decision.working') : t('decision.sendRequest')}
        </button>
      </form>
    </section>
  );
}
