import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** Between the statistics and the access oversight, keeping the chosen period. */
export async function SupervisorNav({ current, query }: { current: 'dashboard' | 'access'; query: string }) {
  const t = await getTranslations('supervisor.nav');
  const links = [
    { id: 'dashboard', href: `/supervisor?${query}`, label: t('dashboard') },
    { id: 'access', href: `/supervisor/access?${query}`, label: t('access') },
  ] as const;
  return (
    <nav aria-label={t('label')}>
      <ul className="subnav-list nobullet-list">
        {links.map((l) => (
          <li key={l.id}>
            <Link href={l.href} aria-current={l.id === current ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
