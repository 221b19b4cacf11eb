// Authorisation inside the library as well as at the route: every staff change names the admin making it.
import { roleCan } from '@/lib/auth/roles';
import type { Staff } from '@/lib/auth/sessions';
import { forbidden } from '@/lib/errors';

export function assertAdmin(actor: Staff): void {
  if (!roleCan(actor.role, 'admin')) throw forbidden();
}
