'use client';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';

/** Ends the status session on this device (a shared phone or computer). */
export function SignOut() {
  const t = useTranslations('status');
  const router = useRouter();
  return (
    <button
      type="button"
      className="button button-secondary"
      onClick={async () => {
        await fetch('/api/v1/applications/status/session', { method: 'DELETE' }).catch(() => {});
        router.refresh();
      }}
    >
      {t('signOut')}
    </button>
  );
}
