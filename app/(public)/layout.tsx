import { SiteHeader } from '@/components/site-header';

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main-content" className="container" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
