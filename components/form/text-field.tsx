'use client';
import { forwardRef, type InputHTMLAttributes } from 'react';
import { describedBy, HintAndError } from './field-parts';

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
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <input
        ref={ref}
        id={id}
        className={`form-input${width ? ` input-width-${width}` : ''}${className ? ` ${className}` : ''}`}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
});
