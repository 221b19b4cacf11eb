import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { currentStaff, requireStaffPage } from '@/lib/auth';
import { roleCan } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { getStaffMember, listRecentActions } from '@/lib/staff/accounts';
import { staffIdSchema } from '@/lib/staff/schemas';
import { StaffControls } from '../_components/staff-controls';
import { titled } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

const KNOWN_ACTIONS = new Set([
  'taken', 'released', 'approved', 'rejected', 'info_requested', 'document_viewed', 'note_added', 'export',
  'staff_created', 'staff_role_changed', 'staff_deactivated', 'staff_reactivated', 'staff_invite_sent', 'staff_password_set',
]);

/** "<name> – Staff" for an admin; anyone else gets "Staff" (the page itself sends them away). */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t, staff] = await Promise.all([params, getTranslations('admin.staff'), currentStaff()]);
  if (!staff || !roleCan(staff.role, 'admin') || !staffIdSchema.safeParse(id).success) return titled(t('title'));
  const person = await getStaffMember(getDb(), id);
  return titled(person ? `${person.name ?? person.email} – ${t('title')}` : t('title'));
}

export default async function StaffMemberPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const { id } = await params;
  await requireStaffPage('admin', `/admin/staff/${encodeURIComponent(id)}`);
  if (!staffIdSchema.safeParse(id).success) notFound();
  const [person, actions, { created }, t, locale] = await Promise.all([
    getStaffMember(getDb(), id),
    listRecentActions(getDb(), id),
    searchParams,
    getTranslations('admin'),
    getLocale(),
  ]);
  if (!person) notFound();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Copenhagen' });
  const status = !person.active ? t('staff.inactive') : person.passwordSet ? t('staff.active') : t('staff.invited');
  return (
    <>
      <p>
        <Link href="/admin/staff" className="back-link">
          {t('detail.back')}
        </Link>
      </p>
      <h1>{person.name ?? person.email}</h1>
      {created ? (
        <div className="alert alert-success" role="status">
          <div className="alert-body">
            <p className="alert-text">{t('detail.created_notice', { email: person.email })}</p>
          </div>
        </div>
      ) : null}
      <h2 className="h3">{t('detail.details')}</h2>
      <dl className="dl-grid" data-testid="staff-details">
        <dt>{t('detail.email')}</dt>
        <dd>{person.email}</dd>
        <dt>{t('detail.role')}</dt>
        <dd>{person.role ? t(`role.${person.role}`) : t('staff.noRole')}</dd>
        <dt>{t('detail.status')}</dt>
        <dd>{status}</dd>
        <dt>{t('detail.lastSignIn')}</dt>
        <dd>{person.lastSignInAt ? time.format(person.lastSignInAt) : t('staff.never')}</dd>
        <dt>{t('detail.created')}</dt>
        <dd>{time.format(person.createdAt)}</dd>
      </dl>
      <StaffControls userId={person.id} name={person.name ?? person.email} email={person.email} role={person.role} active={person.active} passwordSet={person.passwordSet} />
      <section className="dashboard-section" aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('detail.recent.heading')}</h2>
        {actions.length === 0 ? (
          <p>{t('detail.recent.none')}</p>
        ) : (
          <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="recent-caption">
            <table className="table table--compact table--zebra" data-table="recent-actions">
              <caption id="recent-caption">{t('detail.recent.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('detail.recent.time')}</th>
                  <th scope="col">{t('detail.recent.action')}</th>
                  <th scope="col">{t('detail.recent.application')}</th>
                </tr>
              </thead>
              <tbody>
                {actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{time.format(a.createdAt)}</th>
                    <td>{KNOWN_ACTIONS.has(a.type) ? t(`action.${a.type}`) : t('action.other', { type: a.type })}</td>
                    <td>{a.reference ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
