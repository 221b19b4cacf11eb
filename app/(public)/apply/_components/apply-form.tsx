'use client';
// The manual application form: four steps, each validated with its shared zod schema before the next, the step in
// the address (each step its own history entry, so the phone's Back and Forward move between steps), the progress
// kept in the browser at once and on the server a moment later, and an idempotent submit (one key on every retry).
import { zodResolver } from '@hookform/resolvers/zod';
import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { ErrorSummary, type SummaryError } from '@/components/form/error-summary';
import type { UploadedPhoto } from '@/components/photo-upload';
import type { FormStart } from '@/lib/applications/prefill';
import type { Locale } from '@/lib/i18n/config';
import { isStep, reachableStep, stepSchemas, TOTAL_STEPS, type ApplicationFormValues, type DocumentKind, type Step } from '@/lib/applications/schema';
import styles from './apply.module.css';
import { summaryOf } from './form-errors';
import { clearLocalDraft, readLocalDraft, writeLocalDraft } from './local-draft';
import { Receipt } from './receipt';
import { StepIndicator } from './step-indicator';
import { DetailsStep, DocumentStep, PhotosStep, ReviewStep } from './steps';

const JSON_HEADERS = { 'content-type': 'application/json' };

type Photos = Partial<Record<DocumentKind, UploadedPhoto>>;
type Sent = { reference: string; email: string };

/**
 * The form as this page last showed it. Back and Forward from another page re-show /apply from the router's cache,
 * with the props of the first visit; this copy (in memory only, gone with the page) is newer than those props.
 */
let shown: { key: string; step: Step; values: ApplicationFormValues; photos: Photos; sent: Sent | null } | null = null;

const stepUrl = (step: Step) => `${window.location.pathname}?step=${step}`;

export function ApplyForm({ start, locale }: { start: FormStart; locale: Locale }) {
  const t = useTranslations('apply');
  const errorsT = useTranslations('errors');
  const meta = useTranslations('meta');
  const te = (key: string, values?: Record<string, string>) => errorsT(key as never, values as never);
  const remembered = shown?.key === start.idempotencyKey ? shown : null;
  const [step, setStep] = useState<Step>(() => remembered?.step ?? start.step);
  const [photos, setPhotos] = useState<Photos>(() => remembered?.photos ?? start.photos);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [submitted, setSubmitted] = useState<Sent | null>(() => remembered?.sent ?? null);
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
  const form = useForm<ApplicationFormValues>({ defaultValues: remembered?.values ?? start.values, resolver, shouldFocusError: false, reValidateMode: 'onChange' });
  const { handleSubmit, getValues, setValue, setError, clearErrors } = form;
  const photosRef = useRef(photos);
  useLayoutEffect(() => {
    photosRef.current = photos;
  }, [photos]);
  const localSeq = useRef(0);

  const remember = useCallback(
    (patch: { step?: Step; sent?: Sent | null } = {}) => {
      shown = { key: start.idempotencyKey, step: patch.step ?? stepRef.current, values: getValues(), photos: photosRef.current, sent: patch.sent ?? shown?.sent ?? null };
    },
    [getValues, start.idempotencyKey],
  );

  const keepLocally = useCallback(
    (atStep: Step) => {
      const { consent: _consent, ...values } = getValues();
      writeLocalDraft({ key: start.idempotencyKey, step: atStep, values, photos: photosRef.current, seq: ++localSeq.current });
    },
    [getValues, start.idempotencyKey],
  );

  const saveDraft = useCallback(
    (atStep: Step, keepalive = false) => {
      const { consent: _consent, ...values } = getValues();
      const seq = localSeq.current;
      void fetch('/api/v1/applications/draft', {
        method: 'PUT',
        headers: JSON_HEADERS,
        body: JSON.stringify({ step: atStep, idempotencyKey: start.idempotencyKey, values }),
        keepalive,
      })
        .then((res) => {
          // The server has these values now: the browser's copy is no longer needed (unless newer typing followed).
          if (res.ok) clearLocalDraft(seq);
        })
        .catch(() => {
          // Not saved: the browser's copy stays, and the next change saves again.
        });
    },
    [getValues, start.idempotencyKey],
  );

  const heading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(step);
  useEffect(() => {
    if (submitted) return;
    // As the server titles the page for the step in the address: the step, the form, the service.
    document.title = `${t(`steps.${step}.title`)} – ${t('pageTitle')} – ${meta('siteName')}`;
    // After moving between steps, focus goes to the new heading so screen readers announce where the user is.
    if (shownStep.current !== step) {
      shownStep.current = step;
      heading.current?.focus();
      window.scrollTo({ top: 0 });
    }
  }, [step, submitted, t, meta]);

  // On arrival: the address names the step shown, and what only this browser has (typed just before a reload, not
  // yet on the server) comes back and is sent on.
  useEffect(() => {
    if (shown?.key !== start.idempotencyKey || !shown.sent) {
      const local = readLocalDraft(start.idempotencyKey);
      if (local) {
        form.reset({ ...getValues(), ...local.values, consent: false }, { keepDefaultValues: true });
        // Browser-only state, so it can only come back after hydration.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setPhotos(local.photos);
        photosRef.current = local.photos;
        localSeq.current = local.seq;
        const wanted = Number(new URLSearchParams(window.location.search).get('step'));
        if (isStep(wanted)) setStep(reachableStep(local.values, wanted));
        saveDraft(local.step);
      } else {
        clearLocalDraft();
      }
    }
    if (!submitted && new URLSearchParams(window.location.search).get('step') !== String(stepRef.current)) {
      // After the router has taken over the history (its own effect runs after this one): an entry written before
      // it carries none of its state, and Back to it would not return to this step.
      setTimeout(() => window.history.replaceState(window.history.state, '', stepUrl(stepRef.current)), 0);
    }
    remember();
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Typing is kept in the browser at once, saved to the server a moment after it stops, and at once when the page
  // is hidden: on a phone, opening the camera or another app may unload this page.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => {
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: () => {
        keepLocally(stepRef.current);
        remember();
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
  }, [form, keepLocally, remember, saveDraft]);

  const show = useCallback(
    (next: Step) => {
      // A new step starts clean: no errors, and no re-validation while typing until its own Continue.
      form.reset(undefined, { keepValues: true, keepDefaultValues: true, keepDirty: true });
      clearErrors();
      setSummary((s) => ({ attempt: s.attempt, errors: [] }));
      setProblem(null);
      stepRef.current = next;
      setStep(next);
      remember({ step: next });
      keepLocally(next);
      saveDraft(next);
    },
    [clearErrors, form, keepLocally, remember, saveDraft],
  );

  /** Moving on in the form: a new history entry, so the phone's Back returns here. */
  function goTo(next: Step) {
    window.history.pushState(null, '', stepUrl(next));
    show(next);
  }

  // Back and Forward: the address changed to another step. Once sent, every entry shows the receipt.
  const urlStep = Number(useSearchParams().get('step'));
  useEffect(() => {
    if (submitted || !isStep(urlStep) || urlStep === stepRef.current) return;
    const target = reachableStep(getValues(), urlStep);
    if (target !== urlStep) window.history.replaceState(null, '', stepUrl(target));
    if (target !== stepRef.current) show(target);
  }, [urlStep, submitted, getValues, show]);

  function photoUploaded(kind: DocumentKind, photo: UploadedPhoto) {
    const next = { ...photosRef.current, [kind]: photo };
    photosRef.current = next;
    setPhotos(next);
    setValue(`photos.${kind}`, photo.id);
    clearErrors(`photos.${kind}`);
    keepLocally(3);
    remember();
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
        // The draft is gone with the submission; a late autosave must not bring it back, and nothing stays behind
        // in the browser on a phone that someone else may use next.
        if (pending.current) clearTimeout(pending.current);
        pending.current = null;
        clearLocalDraft();
        const sent = { reference: body.reference, email: getValues('email') };
        remember({ sent });
        setSubmitted(sent);
        window.history.replaceState(null, '', window.location.pathname);
        return;
      }
      if (res.status === 400 && body?.error?.fields && body.error.step) {
        // The server found a problem the form did not (e.g. a photo that is gone): back to that step, errors shown.
        const fields = Object.entries(body.error.fields);
        window.history.pushState(null, '', stepUrl(body.error.step));
        show(body.error.step);
        for (const [path, messages] of fields) setError(path as 'cpr', { type: 'server', message: messages[0] });
        setSummary((s) => ({ attempt: s.attempt + 1, errors: summaryOf(Object.fromEntries(fields.map(([p, m]) => [p, { type: 'server', message: m[0] }])), te, fieldLabel) }));
        return;
      }
      setProblem(body?.error?.message ?? t('submitFailed'));
    } catch {
      setProblem(t('submitNetworkFailed'));
    } finally {
      setSending(false);
    }
  }

  const fieldLabel = (field: string) => (field.startsWith('photos.') ? t(`photos.label.${field.slice(7)}` as 'photos.label.id_front') : t(`fields.${field}` as 'fields.country'));

  const onContinue = (event: React.FormEvent<HTMLFormElement>) =>
    handleSubmit(
      async () => {
        setSummary((s) => ({ attempt: s.attempt + 1, errors: [] }));
        if (step < TOTAL_STEPS) goTo((step + 1) as Step);
        else await submit();
      },
      (errors) => setSummary((s) => ({ attempt: s.attempt + 1, errors: summaryOf(errors, te, fieldLabel) })),
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
