'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

/** Removing takes two steps, so a slip of the finger does not end the connection. */
export function RemoveConnection() {
  const t = useTranslations('connection');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function remove() {
    setBusy(true);
    setProblem(null);
    try {
      const res = await fetch('/api/v1/connection/remove', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true }) });
      // A fresh load: the page then shows the connection as it now is, with the confirmation of the removal.
      if (res.ok || res.status === 404) return window.location.replace('/connection?removed=1');
      if (res.status === 401) return window.location.replace('/connection');
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setProblem(body?.error?.message ?? t('removeFailed'));
    } catch {
      setProblem(t('removeFailed'));
    }
    setBusy(false);
  }

  if (!confirming) {
    return (
      <button type="button" ref={opener} className="button button-secondary" onClick={() => setConfirming(true)} data-testid="connection-remove">
        {t('removeButton')}
      </button>
    );
  }
  return (
    <div className="alert alert-warning">
      <div className="alert-body">
        <p className="alert-heading" ref={question} tabIndex={-1}>
          {t('removeConfirmHeading')}
        </p>
        <p className="alert-text">{t('removeConfirmText')}</p>
        {problem ? (
          <p className="alert-text" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="mt-4">
          <button type="button" className="button button-primary mr-4 mb-3" onClick={remove} disabled={busy} data-testid="connection-remove-confirm">
            {t('removeConfirm')}
          </button>
          <button type="button" className="button button-secondary mb-3" onClick={() => setConfirming(false)} disabled={busy}>
            {t('removeCancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
