'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/** Withdrawing takes two steps, so a slip of the finger does not end an application. */
export function WithdrawForm({ version }: { version: number }) {
  const t = useTranslations('status.withdraw');
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  async function withdraw() {
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch('/api/v1/applications/status/withdraw', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ expectedVersion: version }) });
      if (res.ok) return router.refresh();
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setProblem(body?.error?.message ?? t('failed'));
    } catch {
      setProblem(t('failed'));
    } finally {
      setBusy(false);
    }
  }

  if (!confirming) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
        {t('button')}
      </button>
    );
  }
  return (
    <div className="alert alert-warning">
      <div className="alert-body">
        <p className="alert-heading" ref={question} tabIndex={-1}>
          {t('confirmHeading')}
        </p>
        <p className="alert-text">{t('confirmText')}</p>
        {problem ? (
          <p className="alert-text" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="mt-4">
          <button type="button" className="button button-primary mr-4 mb-3" onClick={withdraw} disabled={busy}>
            {t('confirm')}
          </button>
          <button type="button" className="button button-secondary mb-3" onClick={() => setConfirming(false)} disabled={busy}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
