'use client';
import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, HintAndError } from './field-parts';

/** DKFDS radio buttons in a fieldset with a legend; the first option carries the id the error summary links to. */
export function RadioGroup({ id, legend, hint, error, options, registration }: { id: string; legend: string; hint?: string; error?: string; options: { value: string; label: string }[]; registration: UseFormRegisterReturn }) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="form-label">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {options.map((o) => (
          <div className="form-group-radio" key={o.value}>
            <input type="radio" className="form-radio" id={`${id}-${o.value}`} value={o.value} {...registration} />
            <label className="form-label" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </fieldset>
    </div>
  );
}

/** A single DKFDS checkbox with its label, and the error above it. */
export function CheckboxField({ id, label, error, registration }: { id: string; label: ReactNode; error?: string; registration: UseFormRegisterReturn }) {
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <HintAndError id={id} error={error} />
      <div className="form-group-checkbox">
        <input type="checkbox" className="form-checkbox" id={id} aria-describedby={describedBy(id, undefined, error)} aria-invalid={error ? true : undefined} {...registration} />
        <label className="form-label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  );
}

type DatePartProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { ref?: Ref<HTMLInputElement> };

/** The DKFDS date input: day, month and year in one fieldset; its error is about the whole date. */
export function DateField({
  id,
  legend,
  hint,
  error,
  registrations,
  labels,
  autoComplete,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  /** react-hook-form registrations, or plain controlled-input props. */
  registrations: Record<'day' | 'month' | 'year', DatePartProps>;
  labels: { day: string; month: string; year: string };
  autoComplete?: { day: string; month: string; year: string };
}) {
  const part = (key: 'day' | 'month' | 'year') => (
    <div className={`form-group form-group-${key}`}>
      <label className="form-label" htmlFor={`${id}-${key}`}>
        {labels[key]}
      </label>
      <input
        id={`${id}-${key}`}
        className="form-input"
        type="text"
        inputMode="numeric"
        maxLength={key === 'year' ? 4 : 2}
        autoComplete={autoComplete?.[key]}
        aria-invalid={error ? true : undefined}
        {...registrations[key]}
      />
    </div>
  );
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <legend className="form-label">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="date-group mt-3">
          {part('day')}
          {part('month')}
          {part('year')}
        </div>
      </fieldset>
    </div>
  );
}
