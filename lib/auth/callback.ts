// Where staff land after signing in: the page they asked for (same-origin paths only), else their role's home.
import type { StaffRole } from '@/lib/vocabulary';

/** A same-origin path to return to after sign-in, or null when none (or none safe) was given. */
export function safeCallback(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?![/\\])[\w\-./?=&%]*$/.test(value) ? value : null;
}

/** The first page a role can use: an admin manages staff, a supervisor supervises, a caseworker works the queue. */
export function staffHome(role: StaffRole | null): string {
  if (!role) return '/no-access';
  return role === 'admin' ? '/admin/staff' : role === 'supervisor' ? '/supervisor' : '/caseworker';
}
