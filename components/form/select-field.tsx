'use client';
import { forwardRef, type SelectHTMLAttributes } from 'react';
import { describedBy, HintAndError } from './field-parts';

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  hint?: string;
  /** Already translated. */
  error?: string;
  options: { value: string; label: string }[];
  placeholder?: string;
};

/** A DKFDS select with label, hint and error wired for screen readers; forwardRef for react-hook-form. */
export const SelectField = forwardRef<HTMLSelectElement, Props>(function SelectField({ id, label, hint, error, options, placeholder, ...select }, ref) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <select ref={ref} id={id} className="form-select" aria-describedby={describedBy(id, hint, error)} aria-invalid={error ? true : undefined} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
});
