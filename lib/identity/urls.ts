// Where the brokers send the browser back to: our own callbacks, fixed, so no broker answer can redirect elsewhere.
import { env } from '@/lib/env';
import type { BrokerKind } from './types';

export function callbackPath(kind: BrokerKind): string {
  return `/api/v1/journey/${kind}/callback`;
}

export function callbackUrl(kind: BrokerKind): string {
  return `${env().APP_URL}${callbackPath(kind)}`;
}
