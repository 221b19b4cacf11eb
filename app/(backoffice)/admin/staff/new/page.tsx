import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireStaffPage } from '@/lib/auth';
import { CreateStaffForm } from '../_components/create-staff-form';
import { titledBy } from '@/lib/i18n/page-title';

export const dynamic = 'force-dynamic';

export const generateMetadata = () => titledBy('admin.new.title');

export default async function NewStaffPage() {
  await requireStaffPage('admin', '/admin/staff/new');
  const t = await getTranslations('admin.new');
  return (
    <div className="max-width-text">
      <p>
        <Link href="/admin/staff" className="back-link">
          {t('back')}
        </Link>
      </p>
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <CreateStaffForm />
    </div>
  );
}
