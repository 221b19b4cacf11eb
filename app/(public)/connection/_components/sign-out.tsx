'use client';
import { useTranslations } from 'next-intl';

/** Ends the session on this device (a shared phone or computer). */
export function SignOut() {
  const t = useTranslations('connection');
  return (
    <button
      type="button"
      className="button button-secondary"
      data-testid="connection-sign-out"
      onClick={async () => {
        await fetch('/api/v1/connection/session', { method: 'DELETE' }).catch(() => {});
        // A fresh load, so nothing of the connection stays in this tab.
        window.location.replace('/connection');
      }}
    >
      {t('signOut')}
    </button>
  );
}
