'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useForm } from 'react-hook-form';
import { rejectReasons } from '@/lib/vocabulary';
import { ErrorSummary } from '@/components/form/error-summary';
import { messageKey, rejectSchema } from '@/lib/cases/decision-schemas';
import type { z } from '@/lib/validation';
import { rejectAction } from '../../../actions';
import { ActionFailureAlert } from './action-failure';
import { FieldError } from './field-error';
import { useCaseAction } from './use-case-action';

export function RejectForm({ applicationId, version }: { applicationId: string; version: number }) {
  const t = useTranslations('caseworker');
  const tr = useTranslations();
  const { pending, failure, run, reload } = useCaseAction();
  const form = useForm<z.input<typeof rejectSchema>, unknown, z.output<typeof rejectSchema>>({
    resolver: zodResolver(rejectSchema),
    defaultValues: { applicationId, expectedVersion: version, text: '' },
  });
  const errors = {
    reason: form.formState.errors.reason?.message ? tr(messageKey(form.formState.errors.reason.message)) : failure?.fields?.reason?.[0] ? tr(messageKey(failure.fields.reason[0])) : undefined,
    text: form.formState.errors.text?.message ? tr(messageKey(form.formState.errors.text.message)) : failure?.fields?.text?.[0] ? tr(messageKey(failure.fields.text[0])) : undefined,
  };
  const summary = Object.entries(errors).flatMap(([field, message]) => (message ? [{ field: field === 'reason' ? `reject-reason-${rejectReasons[0]}` : 'reject-text', message }] : []));
  return (
    <section aria-labelledby="reject-heading" className="decision">
      <h3 id="reject-heading">{t('decision.rejectHeading')}</h3>
      <form noValidate onSubmit={form.handleSubmit((data) => run(() => rejectAction({ ...data, expectedVersion: version })))}>
        <ErrorSummary errors={summary} />
        <ActionFailureAlert failure={failure} onReload={reload} />
        <div className={`form-group${errors.reason ? ' form-error' : ''}`}>
          <fieldset aria-describedby={errors.reason ? 'reject-reason-error' : undefined}>
            <legend className="form-label">{t('decision.reason')}</legend>
            <FieldError id="reject-reason" message={errors.reason} />
            {rejectReasons.map((reason, i) => (
              <div className="form-group-radio" key={reason}>
                <input
                  type="radio"
                  className="form-radio"
                  id={`reject-reason-${reason}`}
                  value={reason}
                  data-shortcut={i === 0 ? 'reject' : undefined}
                  {...form.register('reason')}
                />
                <label className="form-label" htmlFor={`reject-reason-${reason}`}>
                  {t(`rejectReasons.${reason}`)}
                </label>
              </div>
            ))}
          </fieldset>
        </div>
        <div className={`form-group${errors.text ? ' form-error' : ''}`}>
          <label className="form-label" htmlFor="reject-text">
            {t('decision.rejectText')}
          </label>
          <span className="form-hint" id="reject-text-hint">
            {t('decision.rejectTextHint')}
          </span>
          <FieldError id="reject-text" message={errors.text} />
          <textarea
            className="form-input"
            id="reject-text"
            rows={4}
            aria-describedby={`reject-text-hint${errors.text ? ' reject-text-error' : ''}`}
            aria-invalid={errors.text ? true : undefined}
            {...form.register('text')}
          />
        </div>
        <button type="submit" className="button button-warning" disabled={pending}>
          {pending ? t('decision.working') : t('decision.reject')}
        </button>
      </form>
    </section>
  );
}
