'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { ActionFailure } from '@/lib/http/action';

/** A refused action: the message, and on a conflict a way to see the case as it is now. Focused when it appears. */
export function ActionFailureAlert({ failure, onReload }: { failure: ActionFailure | null; onReload: () => void }) {
  const t = useTranslations('caseworker.case');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (failure) ref.current?.focus();
  }, [failure]);
  if (!failure || failure.fields) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} data-testid="action-failure">
      <div className="alert-body">
        <p className="alert-text">{failure.message}</p>
        {failure.code === 'CONFLICT' && failure.fresh ? (
          <button type="button" className="button button-secondary" onClick={onReload}>
            {t('showCurrent')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
