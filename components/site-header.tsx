import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from './language-switcher';

export async function SiteHeader({ children }: { children?: React.ReactNode }) {
  const t = await getTranslations('layout');
  return (
    <header className="header">
      <LanguageSwitcher />
      <div className="solution-info">
        <div className="solution-info-inner container">
          <div className="solution-heading">
            <Link href="/">{t('serviceName')}</Link>
            <p className="site-subtitle">{t('serviceSubtitle')}</p>
          </div>
          {children}
        </div>
      </div>
    </header>
  );
}
