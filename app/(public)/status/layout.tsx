// The status page's texts for answering a request (fields and photos as in the application) and withdrawing.
import { ClientMessages } from '@/lib/i18n/client-messages';

export default function StatusLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['status', 'apply.fields', 'apply.photos', 'photoUpload']}>{children}</ClientMessages>;
}
