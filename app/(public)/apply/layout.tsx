// The manual application's texts for its client-side form steps, photo uploads and receipt.
import { ClientMessages } from '@/lib/i18n/client-messages';

export default function ApplyLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['apply', 'photoUpload']}>{children}</ClientMessages>;
}
