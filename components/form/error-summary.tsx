'use client';
import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';

export type SummaryError = { field: string; message: string };

/**
 * The DKFDS error summary: listed at the top of the form, each error linked to its field, focused when it appears
 * so screen readers announce it and keyboard users land on it.
 */
export function ErrorSummary({ errors, idPrefix = '', focusKey }: { errors: SummaryError[]; idPrefix?: string; focusKey?: unknown }) {
  const t = useTranslations('form');
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.field}:${e.message}`).join('|');
  // Focus again on every new result (focusKey), even when the message is the same as last time.
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature, focusKey]);
  if (errors.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" tabIndex={-1} ref={ref} data-testid="error-summary">
      <div className="alert-body">
        <p className="alert-heading">{t('errorSummaryHeading')}</p>
        <ul className="alert-text nobullet-list">
          {errors.map((e) => (
            <li key={`${e.field}-${e.message}`}>
              <a
                href={`#${idPrefix}${e.field}`}
                onClick={(ev) => {
                  const target = document.getElementById(`${idPrefix}${e.field}`);
                  if (target) {
                    ev.preventDefault();
                    target.focus();
                  }
                }}
              >
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
