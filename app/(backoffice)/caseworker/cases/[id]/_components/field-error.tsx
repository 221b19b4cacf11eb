'use client';
import { useTranslations } from 'next-intl';

/** The DKFDS error line under a field; the message is already translated. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  const t = useTranslations('form');
  if (!message) return null;
  return (
    <span className="form-error-message" id={`${id}-error`}>
      <span className="sr-only">{t('errorPrefix')} </span>
      {message}
    </span>
  );
}
