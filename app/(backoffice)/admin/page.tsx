import { redirect } from 'next/navigation';
import { requireStaffPage } from '@/lib/auth';

export default async function AdminPage() {
  await requireStaffPage('admin', '/admin');
  redirect('/admin/staff');
}
