// The package's exports list only its JS, so the stylesheet (with its IBM Plex Sans fonts) is imported by path.
import '../node_modules/dkfds/dist/css/dkfds.min.css';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { DemoBanner } from '@/components/demo-banner';
import { SiteFooter } from '@/components/site-footer';
import { ClientMessages } from '@/lib/i18n/client-messages';
import { env } from '@/lib/env';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: t('title'), description: t('description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('layout')]);
  const { isDemo } = env();
  return (
    <html lang={locale}>
      <body>
        <a className="skipnav" href="#main-content">
          {t('skipToContent')}
        </a>
        {isDemo ? <DemoBanner /> : null}
        <ClientMessages>
          <div className="page-container">{children}</div>
        </ClientMessages>
        <SiteFooter isDemo={isDemo} />
      </body>
    </html>
  );
}
