'use client';
import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslations } from 'next-intl';
import { ErrorSummary } from '@/components/form/error-summary';
import { TextField } from '@/components/form/text-field';
import { cprAndEmailSchema, type CprAndEmail, type CprAndEmailInput } from '@/lib/linking/schemas';

type Answer = { result?: string; redirectTo?: string; next?: string; error?: { code?: string; message?: string; fields?: Record<string, string[]> } };

type FieldKey = 'cpr' | 'email';

/**
 * The CPR + email form: validated in the browser with the server's schema, then sent as JSON to the match endpoint.
 * Before JavaScript has loaded it still works as a plain POST (never GET: the CPR number must not reach a URL).
 */
export function CprEmailForm({ initialErrors = {}, initialProblem }: { initialErrors?: Partial<Record<FieldKey, string>>; initialProblem?: string }) {
  const t = useTranslations('journey');
  const te = useTranslations('errors');
  // A plain submission that could not be answered (the register was unreachable) comes back with its message key.
  const [problem, setProblem] = useState<{ message: string; restart?: boolean } | null>(initialProblem ? { message: te(initialProblem) } : null);
  const [leaving, setLeaving] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<CprAndEmailInput, unknown, CprAndEmail>({ resolver: zodResolver(cprAndEmailSchema), defaultValues: { cpr: '', email: '' } });

  // Client-side messages are catalogue keys; messages from the server arrive translated.
  const message = (e?: { type?: string; message?: string }) => (e?.message ? (e.type === 'server' ? e.message : te(e.message)) : undefined);
  // Errors from a plain (no JavaScript) submission arrive as catalogue keys in the page's query.
  const fieldMessage = (field: FieldKey) => message(errors[field]) ?? (submitCount === 0 && initialErrors[field] ? te(initialErrors[field]) : undefined);
  const fieldErrors = (['cpr', 'email'] as const).flatMap((field) => {
    const m = fieldMessage(field);
    return m ? [{ field, message: m }] : [];
  });

  async function onSubmit(values: CprAndEmail) {
    setProblem(null);
    let res: Response;
    let body: Answer;
    try {
      res = await fetch('/api/v1/journey/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(values) });
      body = (await res.json()) as Answer;
    } catch {
      setProblem({ message: t('networkError') });
      return;
    }
    const goTo = body.redirectTo ?? body.next;
    if ((res.ok || res.status === 429) && goTo) {
      setLeaving(true);
      window.location.assign(goTo);
      return;
    }
    if (res.status === 400 && body.error?.fields) {
      for (const [field, messages] of Object.entries(body.error.fields)) {
        if (field === 'cpr' || field === 'email') setError(field, { type: 'server', message: messages[0] });
      }
      return;
    }
    setProblem({ message: body.error?.message ?? t('networkError'), restart: res.status === 401 });
  }

  const busy = isSubmitting || leaving;
  return (
    <form method="post" action="/api/v1/journey/match" onSubmit={handleSubmit(onSubmit)} noValidate data-testid="cpr-email-form">
      <ErrorSummary errors={fieldErrors} />
      {problem ? (
        <div className="alert alert-error" role="alert">
          <div className="alert-body">
            <p className="alert-text">{problem.message}</p>
            {problem.restart ? (
              <p className="alert-text">
                <Link href="/start">{t('startAgain')}</Link>
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <TextField id="cpr" label={t('cprLabel')} hint={t('cprHint')} error={fieldMessage('cpr')} width="m" inputMode="numeric" autoComplete="off" spellCheck={false} {...register('cpr')} />
      <TextField id="email" label={t('emailLabel')} hint={t('emailHint')} error={fieldMessage('email')} type="email" autoComplete="email" spellCheck={false} {...register('email')} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} aria-disabled={busy} data-testid="connect-submit">
          {busy ? t('checking') : t('connectButton')}
        </button>
      </div>
    </form>
  );
}
