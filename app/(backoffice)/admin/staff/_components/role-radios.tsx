'use client';
import { useTranslations } from 'next-intl';
import { staffRoles, type StaffRole } from '@/lib/vocabulary';

/** The role choice as a DKFDS radio group, with what each role may do. */
export function RoleRadios({ idPrefix, legend, defaultRole, error }: { idPrefix: string; legend: string; defaultRole?: StaffRole | null; error?: string }) {
  const t = useTranslations('admin');
  const tf = useTranslations('form');
  return (
    <div className={`form-group${error ? ' form-error' : ''}`}>
      <fieldset aria-describedby={error ? `${idPrefix}-error` : undefined}>
        <legend className="form-label">{legend}</legend>
        {error ? (
          <span className="form-error-message" id={`${idPrefix}-error`}>
            <span className="sr-only">{tf('errorPrefix')} </span>
            {error}
          </span>
        ) : null}
        {staffRoles.map((role, i) => (
          <div className="form-group-radio" key={role}>
            <input
              type="radio"
              className="form-radio"
              id={i === 0 ? idPrefix : `${idPrefix}-${role}`}
              name="role"
              value={role}
              defaultChecked={defaultRole === role}
              aria-describedby={`${idPrefix}-${role}-hint`}
            />
            <label htmlFor={i === 0 ? idPrefix : `${idPrefix}-${role}`}>{t(`role.${role}`)}</label>
            <span className="form-hint" id={`${idPrefix}-${role}-hint`}>
              {t(`roleHint.${role}`)}
            </span>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
