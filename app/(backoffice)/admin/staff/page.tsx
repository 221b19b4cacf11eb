import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireStaffPage } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { listStaff } from '@/lib/staff/accounts';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

export const generateMetadata = () => titledBy('admin.staff.title');

export default async function StaffListPage() {
  await requireStaffPage('admin', '/admin/staff');
  const [t, tr, locale, staff] = await Promise.all([getTranslations('admin.staff'), getTranslations('admin.role'), getLocale(), listStaff(getDb())]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  return (
    <>
      <h1>{t('title')}</h1>
      <p className="max-width-text">{t('intro')}</p>
      <p>
        <Link href="/admin/staff/new" className="button button-primary">
          {t('create')}
        </Link>
      </p>
      <div className="table-block">
        <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="staff-caption">
          <table className="table table--compact table--zebra" data-table="staff">
            <caption id="staff-caption">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('lastSignIn')}</th>
              </tr>
            </thead>
            <tbody>
              {staff.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link href={`/admin/staff/${s.id}`}>{s.name ?? s.email}</Link>
                  </th>
                  <td>{s.email}</td>
                  <td>{s.role ? tr(s.role) : t('noRole')}</td>
                  <td>{!s.active ? t('inactive') : s.passwordSet ? t('active') : t('invited')}</td>
                  <td>{s.lastSignInAt ? time.format(s.lastSignInAt) : t('never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}
