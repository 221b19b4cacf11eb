// The own-connection page's texts for its removal dialog and sign-out.
import { ClientMessages } from '@/lib/i18n/client-messages';

export default function ConnectionLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['connection']}>{children}</ClientMessages>;
}
