// What each staff role may do. A supervisor also works cases; an admin manages staff and supervises.
import type { StaffRole } from '@/lib/vocabulary';

export type Capability = 'caseworker' | 'supervisor' | 'admin';

const allowed: Record<Capability, readonly StaffRole[]> = {
  caseworker: ['caseworker', 'supervisor'],
  supervisor: ['supervisor', 'admin'],
  admin: ['admin'],
};

export function roleCan(role: StaffRole | null | undefined, capability: Capability): boolean {
  return role ? allowed[capability].includes(role) : false;
}
