// The set-password form's texts.
import { ClientMessages } from '@/lib/i18n/client-messages';

export default function SetPasswordLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['admin.setPassword']}>{children}</ClientMessages>;
}
