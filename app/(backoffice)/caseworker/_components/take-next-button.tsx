'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { takeNextCaseAction } from '../actions';

/** Assigns the oldest waiting case to me and opens it. Also pressed by the "n" shortcut (data-shortcut). */
export function TakeNextButton() {
  const t = useTranslations('caseworker.queue');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div>
      <button
        type="button"
        className="button button-primary"
        data-shortcut="take-next"
        disabled={pending}
        aria-disabled={pending}
        onClick={() =>
          startTransition(async () => {
            setMessage(null);
            const result = await takeNextCaseAction();
            if (!result.ok) setMessage(result.message);
            else if (!result.applicationId) setMessage(t('nothingWaiting'));
            else router.push(`/caseworker/cases/${result.applicationId}`);
          })
        }
      >
        {pending ? t('taking') : t('takeNext')}
      </button>
      <div role="status" aria-live="polite" className="take-next-status">
        {message ? <p className="alert-text">{message}</p> : null}
      </div>
    </div>
  );
}
