'use client';
import { forwardRef, type TextareaHTMLAttributes } from 'react';
import { describedBy, HintAndError } from './field-parts';

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: string; hint?: string; error?: string };

/** A DKFDS textarea with label, hint and error; forwardRef for react-hook-form. */
export const TextareaField = forwardRef<HTMLTextAreaElement, Props>(function TextareaField({ id, label, hint, error, ...textarea }, ref) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea ref={ref} id={id} className="form-input" rows={5} aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...textarea} />
    </div>
  );
});
