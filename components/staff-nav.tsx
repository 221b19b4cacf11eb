import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { roleCan, type Staff } from '@/lib/auth';
import { signOutStaff } from '@/lib/auth/actions';

/** The back-office navigation: only the areas the signed-in role may use. */
export async function StaffNav({ staff }: { staff: Staff }) {
  const t = await getTranslations('staffAuth');
  return (
    <nav aria-label={t('navLabel')} className="staff-nav">
      <ul className="staff-nav-list unstyled-list">
        {roleCan(staff.role, 'caseworker') ? (
          <li>
            <Link href="/caseworker">{t('navQueue')}</Link>
          </li>
        ) : null}
        {roleCan(staff.role, 'supervisor') ? (
          <li>
            <Link href="/supervisor">{t('navDashboard')}</Link>
          </li>
        ) : null}
        {roleCan(staff.role, 'admin') ? (
          <li>
            <Link href="/admin/staff">{t('navStaff')}</Link>
          </li>
        ) : null}
        <li className="staff-nav-user">
          <span>{staff.name ?? staff.email}</span>
          <form action={signOutStaff}>
            <button type="submit" className="button button-tertiary">
              {t('signOut')}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}
