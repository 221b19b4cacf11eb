'use client';
// The manual application form: four steps, each validated with its shared zod schema before the next, the progress
// saved server-side on every step, and an idempotent submit (the same key on every retry).
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { ErrorSummary, type SummaryError } from '@/components/form/error-summary';
import type { UploadedPhoto } from '@/components/photo-upload';
import type { FormStart } from '@/lib/applications/prefill';
import type { Locale } from '@/lib/i18n/config';
import { stepSchemas, TOTAL_STEPS, type ApplicationFormValues, type DocumentKind, type Step } from '@/lib/applications/schema';
import styles from './apply.module.css';
import { fieldElementId, summaryOf } from './form-errors';
import { Receipt } from './receipt';
import { StepIndicator } from './step-indicator';
import { DetailsStep, DocumentStep, PhotosStep, ReviewStep } from './steps';

const JSON_HEADERS = { 'content-type': 'application/json' };

export function ApplyForm({ start, locale }: { start: FormStart; locale: Locale }) {
  const t = useTranslations('apply');
  const te = useTranslations('errors');
  const [step, setStep] = useState<Step>(start.step);
  const [photos, setPhotos] = useState<Partial<Record<DocumentKind, UploadedPhoto>>>(start.photos);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [submitted, setSubmitted] = useState<{ reference: string; email: string } | null>(null);
  // The summary lists the errors as they were when Continue was pressed (it takes focus, so it must not change while
  // someone types); the messages next to the fields follow the typing.
  const [summary, setSummary] = useState<{ attempt: number; errors: SummaryError[] }>({ attempt: 0, errors: [] });
  const stepRef = useRef(step);
  useLayoutEffect(() => {
    stepRef.current = step;
  }, [step]);
  // Each step is checked with its own schema, the very one the server applies to that step.
  const resolver: Resolver<ApplicationFormValues> = (values, context, options) =>
    (zodResolver(stepSchemas[stepRef.current] as never) as unknown as Resolver<ApplicationFormValues>)(values, context, options);
  const form = useForm<ApplicationFormValues>({ defaultValues: start.values, resolver, shouldFocusError: false, reValidateMode: 'onChange' });
  const { handleSubmit, getValues, setValue, setError, clearErrors } = form;

  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    document.title = `${t(`steps.${step}.title`)} – ${t('pageTitle')}`;
    // After moving between steps, focus goes to the new heading so screen readers announce where the user is.
    if (shownStep.current !== step) {
      shownStep.current = step;
      heading.current?.focus();
      window.scrollTo({ top: 0 });
    }
  }, [step, t]);

  const saveDraft = useCallback(
    (atStep: Step, keepalive = false) => {
      const { consent: _consent, ...values } = getValues();
      void fetch('/api/v1/applications/draft', {
        method: 'PUT',
        headers: JSON_HEADERS,
        body: JSON.stringify({ step: atStep, idempotencyKey: start.idempotencyKey, values }),
        keepalive,
      }).catch(() => {
        // A draft that could not be saved costs nothing now; the next change saves again.
      });
    },
    [getValues, start.idempotencyKey],
  );

  // Typing is saved a moment after it stops, and at once when the page is hidden: on a phone, opening the camera
  // or another app may unload this page.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: () => {
        if (pending.current) clearTimeout(pending.current);
        pending.current = setTimeout(() => {
          pending.current = null;
          saveDraft(stepRef.current);
        }, 1500);
      },
    });
    const onHide = () => {
      if (document.visibilityState !== 'hidden' || !pending.current) return;
      clearTimeout(pending.current);
      pending.current = null;
      saveDraft(stepRef.current, true);
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      unsubscribe();
      document.removeEventListener('visibilitychange', onHide);
      if (pending.current) clearTimeout(pending.current);
    };
  }, [form, saveDraft]);

  function goTo(next: Step) {
    // A new step starts clean: no errors, and no re-validation while typing until its own Continue.
    form.reset(undefined, { keepValues: true, keepDefaultValues: true, keepDirty: true });
    clearErrors();
    setSummary((s) => ({ attempt: s.attempt, errors: [] }));
    setProblem(null);
    setStep(next);
    saveDraft(next);
  }

  function photoUploaded(kind: DocumentKind, photo: UploadedPhoto) {
    setPhotos((p) => ({ ...p, [kind]: photo }));
    setValue(`photos.${kind}`, photo.id);
    clearErrors(`photos.${kind}`);
    saveDraft(3);
  }

  async function submit() {
    setSending(true);
    setProblem(null);
    try {
      const res = await fetch('/api/v1/applications', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ idempotencyKey: start.idempotencyKey, values: getValues() }),
      });
      const body = (await res.json().catch(() => null)) as { reference?: string; error?: { message: string; fields?: Record<string, string[]>; step?: Step } } | null;
      if (res.ok && body?.reference) {
        // The draft is gone with the submission; a late autosave must not bring it back.
        if (pending.current) clearTimeout(pending.current);
        pending.current = null;
        setSubmitted({ reference: body.reference, email: getValues('email') });
        return;
      }
      if (res.status === 400 && body?.error?.fields && body.error.step) {
        // The server found a problem the form did not (e.g. a photo that is gone): back to that step, errors shown.
        setStep(body.error.step);
        const fields = Object.entries(body.error.fields);
        for (const [path, messages] of fields) setError(path as 'cpr', { type: 'server', message: messages[0] });
        setSummary((s) => ({ attempt: s.attempt + 1, errors: fields.map(([path, messages]) => ({ field: fieldElementId(path), message: messages[0] ?? '' })) }));
        return;
      }
      setProblem(body?.error?.message ?? t('submitFailed'));
    } catch {
      setProblem(t('submitNetworkFailed'));
    } finally {
      setSending(false);
    }
  }

  const onContinue = (event: React.FormEvent<HTMLFormElement>) =>
    handleSubmit(
      async () => {
        setSummary((s) => ({ attempt: s.attempt + 1, errors: [] }));
        if (step < TOTAL_STEPS) goTo((step + 1) as Step);
        else await submit();
      },
      (errors) => setSummary((s) => ({ attempt: s.attempt + 1, errors: summaryOf(errors, (k) => te(k as never)) })),
    )(event);

  if (submitted) return <Receipt reference={submitted.reference} email={submitted.email} />;

  return (
    <div className="max-width-text">
      <p className="mb-2">{t('caption')}</p>
      <StepIndicator step={step} />
      <h1 ref={heading} tabIndex={-1}>
        {t(`steps.${step}.title`)}
      </h1>
      {problem ? (
        <div className="alert alert-error" role="alert" data-testid="submit-problem">
          <div className="alert-body">
            <p className="alert-text">{problem}</p>
          </div>
        </div>
      ) : null}
      <ErrorSummary key={summary.attempt} errors={summary.errors} />
      <form noValidate onSubmit={onContinue}>
        {step === 1 ? <DocumentStep form={form} locale={locale} /> : null}
        {step === 2 ? <DetailsStep form={form} locale={locale} /> : null}
        {step === 3 ? <PhotosStep form={form} locale={locale} photos={photos} onUploaded={photoUploaded} /> : null}
        {step === 4 ? <ReviewStep form={form} locale={locale} goTo={goTo} /> : null}
        <div className={styles.actions}>
          <button type="submit" className="button button-primary" disabled={sending}>
            {step === TOTAL_STEPS ? (sending ? t('sending') : t('send')) : t('continue')}
          </button>
          {step > 1 ? (
            <button type="button" className="button button-secondary" onClick={() => goTo((step - 1) as Step)} disabled={sending}>
              {t('back')}
            </button>
          ) : null}
        </div>
        <p className="form-hint mt-5">{t('savedHint')}</p>
      </form>
    </div>
  );
}
