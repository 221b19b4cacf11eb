import { SiteHeader } from '@/components/site-header';
import { StaffNav } from '@/components/staff-nav';
import { currentStaff } from '@/lib/auth';
import { ClientMessages } from '@/lib/i18n/client-messages';

export default async function BackofficeLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  return (
    <>
      <SiteHeader>{staff ? <StaffNav staff={staff} /> : null}</SiteHeader>
      <main id="main-content" className="container" tabIndex={-1}>
        <ClientMessages namespaces={['caseworker', 'supervisor', 'admin', 'staffAuth']}>{children}</ClientMessages>
      </main>
    </>
  );
}
