'use client';
import { forwardRef, type InputHTMLAttributes } from 'react';
import { useTranslations } from 'next-intl';

type Props = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  hint?: string;
  /** Already translated. */
  error?: string;
  width?: 'xs' | 's' | 'm' | 'l' | 'xl';
};

/** A DKFDS text field: label, optional hint, the error next to the field, and the ARIA wiring between them. */
export const TextField = forwardRef<HTMLInputElement, Props>(function TextField({ id, label, hint, error, width, className, ...input }, ref) {
  const t = useTranslations('form');
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
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
      <input
        ref={ref}
        id={id}
        className={`form-input${width ? ` input-width-${width}` : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
});
