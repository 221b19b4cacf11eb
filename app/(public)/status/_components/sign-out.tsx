'use client';
import { useTranslations } from 'next-intl';

/** Ends the status session on this device (a shared phone or computer). */
export function SignOut() {
  const t = useTranslations('status');
  return (
    <button
      type="button"
      className="button button-secondary"
      onClick={async () => {
        await fetch('/api/v1/applications/status/session', { method: 'DELETE' }).catch(() => {});
        // A fresh load, so nothing of the application stays in this tab.
        window.location.replace('/status');
      }}
    >
      {t('signOut')}
    </button>
  );
}
