'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';

/** Shown after the submission (and after a reload): the reference, where the email went, what happens next. */
export function Receipt({ reference, email }: { reference: string; email: string }) {
  const t = useTranslations('apply.receipt');
  const meta = useTranslations('meta');
  const heading = useRef<HTMLHeadingElement>(null);
  const title = `${t('heading')} – ${t('pageTitle')} – ${meta('siteName')}`;
  useEffect(() => {
    // The form's last title was "Check and send"; the receipt is a page of its own.
    document.title = title;
    heading.current?.focus();
  }, [title]);
  return (
    <div className="max-width-text">
      <h1 ref={heading} tabIndex={-1}>
        {t('heading')}
      </h1>
      <div className="alert alert-success" role="status">
        <div className="alert-body">
          <p className="alert-text">{t('referenceLabel')}</p>
          <p className="alert-text h2 mt-2" style={{ whiteSpace: 'nowrap' }} data-testid="reference">
            {reference}
          </p>
        </div>
      </div>
      <p>{t('email', { email })}</p>
      <h2>{t('nextHeading')}</h2>
      <p>{t('next')}</p>
      <p>{t('keep')}</p>
    </div>
  );
}
