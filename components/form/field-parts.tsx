'use client';
import { useTranslations } from 'next-intl';

/** The hint and error lines of a DKFDS field, and the aria-describedby that points at them. */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

export function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  const t = useTranslations('form');
  return (
    <>
      {hint ? (
        <span className="form-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={`${id}-error`}>
          <span className="sr-only">{t('errorPrefix')} </span>
          {error}
        </span>
      ) : null}
    </>
  );
}
