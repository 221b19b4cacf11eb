// The automatic match's texts for its client-side CPR and email form.
import { ClientMessages } from '@/lib/i18n/client-messages';

export default function ConnectLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['journey']}>{children}</ClientMessages>;
}
