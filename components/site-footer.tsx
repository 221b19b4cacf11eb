import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function SiteFooter({ isDemo }: { isDemo: boolean }) {
  const t = await getTranslations('layout');
  return (
    <footer>
      <div className="footer">
        <div className="container">
          <h2 className="h5">{t('footerHeading')}</h2>
          <p>{t('footerOwner')}</p>
          <ul className="unstyled-list inline-list">
            <li>
              <Link href="/accessibility">{t('accessibility')}</Link>
            </li>
            <li>
              <Link href="/privacy">{t('privacy')}</Link>
            </li>
            {isDemo ? (
              <li>
                <Link href="/dev/mailbox">{t('mailbox')}</Link>
              </li>
            ) : null}
          </ul>
        </div>
      </div>
    </footer>
  );
}
